using LeanTeamsApp.Infrastructure.Telemetry;

namespace LeanTeamsApp.UnitTests.Telemetry;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    // A person's row: the key is their e-mail address; the table name is worth keeping.
    [InlineData(
        "https://st.table.core.windows.net/Directory(PartitionKey='5f1c2a4e-0b1d-4c3e-9f00-1a2b3c4d5e6f',RowKey='person%7Cleder%40fjordvik.no')?$select=x",
        "https://st.table.core.windows.net/Directory({id})")]
    // A 1:1 chat: the conversation id stands for one user; Teams' region and the API's words stay.
    [InlineData(
        "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1vK9xQ-personal/activities/1763700000001",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}")]
    // A queue message: its id is a GUID; the queue's name is a plain word.
    [InlineData(
        "https://st.queue.core.windows.net/outbox/messages/9b2f4c1e-7d3a-4e5b-8c6d-0f1e2a3b4c5d?popreceipt=abc",
        "https://st.queue.core.windows.net/outbox/messages/{id}")]
    [InlineData("not a url", "{id}")]
    public void RedactUrl_AddressesWithIdsKeysAndQueries_KeepOnlyHostAndPlainWords(string url, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.RedactUrl(url));

    [Theory]
    [InlineData("/api/messages", "/api/messages")]
    [InlineData("/api/units/{unitId}/board", "/api/units/{unitId}/board")]
    [InlineData("/reports/leder@fjordvik.no/q3-2026.xlsx", "/reports/{id}/{id}")]
    [InlineData("/api/people/3f2a0c3e-1b2c-4d5e-8f90-a1b2c3d4e5f6?sig=x", "/api/people/{id}")]
    public void RedactPath_RoutesAndRequestPaths_KeepRouteWordsAndTemplatesOnly(string path, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.RedactPath(path));

    [Theory]
    [InlineData("checkin-prompt|byggesak|2026-11-23", "checkin-prompt")]
    [InlineData("digest|2026-W48", "digest")]
    [InlineData("leder@fjordvik.no|x", "other")]
    [InlineData("Jonas Vik", "other")]
    public void KindOf_MessageIds_IsTheLeadingPlainWordOrOther(string id, string expected) =>
        Assert.Equal(expected, AppTelemetry.KindOf(id));
}
