using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.IntegrationTests.Reviews;
using static LeanTeamsApp.IntegrationTests.Reviews.ReviewHost;

namespace LeanTeamsApp.IntegrationTests.Privacy;

/// <summary>A walk through a care unit sees patients: what its record card would store is screened like a check-in.</summary>
public sealed class ReviewRecordPersonalDataTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 12);

    private ReviewHost _host = null!;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("nb-NO", "observations", "Beboer 010190 12480 satt alene", "Teksten ser ut til å inneholde et fødselsnummer.")]
    [InlineData("sv-SE", "followUp0Text", "Följ upp 19900101-1239", "Texten verkar innehålla ett personnummer.")]
    [InlineData("nn-NO", "observations", "Bebuar 010190 12480 sat åleine", "Teksten ser ut til å innehalde eit fødselsnummer.")]
    [InlineData("en-GB", "agreedActions", "Talk to D-number 41019012393", "The text seems to contain a Norwegian D-number.")]
    public async Task RecordCard_IdentityNumberInAFinding_IsRefusedUnderTheFieldAndNothingStored(string locale, string field, string text, string refusal)
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        var card = await _host.CardForAsync(_host.Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord", locale);
        var inputs = new JsonObject
        {
            ["observations"] = "Tavla er oppdatert.",
            ["followUp0Text"] = "Gevinster telles ikke",
            ["followUp0Owner"] = "leder.hjemmenord@fjordvik.kommune.no",
            ["followUp0Deadline"] = "2026-04-15",
        };
        inputs[field] = text;

        var answer = await _host.SubmitAsync(_host.Bot.HelseLeader, card, inputs, locale);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var elements = Elements(answer.Card).ToList();
        var input = elements.Single(e => (string?)e["id"] == field);
        Assert.Equal(text, (string?)input["value"]);
        Assert.Contains(elements.SkipWhile(e => e != input).Skip(1).Take(1), e => BotHost.Shown((string?)e["text"] ?? "").StartsWith(refusal, StringComparison.Ordinal));
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Empty(await _host.Store.ListFollowUpsAsync(_host.TenantId, "hjemmetjenesten-nord", default));
    }
}
