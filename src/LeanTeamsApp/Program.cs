using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.About;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Graph;
using LeanTeamsApp.Infrastructure.Health;
using LeanTeamsApp.Infrastructure.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddStructuredConsole(builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddErrors();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddGraph(builder.Configuration);
builder.Services.AddBot(builder.Configuration, builder.Environment);
builder.Services.AddOrganisation(builder.Configuration);
builder.Services.AddCheckIns(builder.Configuration);
builder.Services.AddImprovements();
builder.Services.AddPlanning(builder.Configuration);
builder.Services.AddReviews();

var app = builder.Build();

if (ImportCommand.IsInvoked(args))
{
    await app.Services.GetRequiredService<StorageTables>().TryCreateAsync(CancellationToken.None);
    return await ImportCommand.RunAsync(app.Services, args, Console.Out);
}

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealth();
app.MapBot();
app.MapAbout();

await app.RunAsync();
return 0;

public partial class Program;
