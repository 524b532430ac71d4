using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Infrastructure.Errors;

/// <summary>A 400 that names the field, as the tab shows it next to the input.</summary>
public static class FieldProblem
{
    public static ProblemHttpResult For(string field, string message) => TypedResults.Problem(
        title: "Check the highlighted field",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["code"] = ProblemCode.InvalidField, ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
