using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.About;
using LeanTeamsApp.Features.ActionPlan;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.ChannelTab;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Delivery;
using LeanTeamsApp.Features.Demo;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Features.Overview;
using LeanTeamsApp.Features.People;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Privacy;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Setup;
using LeanTeamsApp.Features.Upkeep;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Graph;
using LeanTeamsApp.Infrastructure.Health;
using LeanTeamsApp.Infrastructure.OpenApi;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Telemetry;

var builder = WebApplication.CreateBuilder(args);

// In every environment, not only Development: a feature left out that another requires fails here, at start.
builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = o.ValidateScopes = true);

builder.Logging.AddStructuredConsole(builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddErrors();
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddGraph(builder.Configuration);
builder.Services.AddTabLinks(builder.Configuration);
builder.Services.AddEvents();
builder.Services.AddAccess();
builder.Services.AddBot(builder.Configuration, builder.Environment);
builder.Services.AddOrganisation(builder.Configuration);
builder.Services.AddSetup();
builder.Services.AddBoard();
builder.Services.AddCheckIns(builder.Configuration);
builder.Services.AddImprovements();
builder.Services.AddWeeks();
builder.Services.AddPlanning(builder.Configuration);
builder.Services.AddDigest(builder.Configuration);
builder.Services.AddReports(builder.Configuration);
builder.Services.AddTabAuth(builder.Configuration, builder.Environment);
builder.Services.AddOverview();
builder.Services.AddTabPages();
builder.Services.AddActionPlan();
builder.Services.AddDemo(builder.Configuration);
builder.Services.AddReviews();
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddUpkeep();
builder.Services.AddApiDocument();

var app = builder.Build();

if (ImportCommand.IsInvoked(args))
{
    await app.Services.GetRequiredService<StorageTables>().TryCreateAsync(CancellationToken.None);
    return await ImportCommand.RunAsync(app.Services, args, Console.Out);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseTabCallers();

app.MapHealth();
app.MapBot();
app.MapAbout();
app.MapReports();
app.MapOverview();
app.MapActionPlan();
app.MapDelivery();
app.MapPeople();
app.MapChannelTab();
app.MapYearWheel();
app.MapImprovements();
app.MapReviews();
app.MapPrivacy();
app.MapUpkeep();
app.MapTab();
app.MapApiDocument();

await app.RunAsync();
return 0;

public partial class Program;
