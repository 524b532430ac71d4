namespace LeanTeamsApp.Infrastructure.OpenApi;

/// <summary>
/// Typed results declare their successes; refusals are a <c>ProblemHttpResult</c> whose status only the handler knows,
/// so each endpoint names them here and the OpenAPI document (and so the tab's types) lists them.
/// </summary>
public static class ProblemResponses
{
    /// <summary>
    /// The endpoint may answer with these statuses as <c>application/problem+json</c>; a 400 also names the fields
    /// (<c>errors: { field: [messages] }</c>).
    /// </summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params ReadOnlySpan<int> statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder = status == StatusCodes.Status400BadRequest ? builder.ProducesValidationProblem() : builder.ProducesProblem(status);
        }

        return builder;
    }
}
