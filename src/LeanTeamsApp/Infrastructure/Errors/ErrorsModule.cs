using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace LeanTeamsApp.Infrastructure.Errors;

public static class ErrorsModule
{
    public static IServiceCollection AddErrors(this IServiceCollection services)
    {
        // The tab translates a problem by its code; the framework's own problems (a failed validation, an unknown
        // route) and the storage outage get the one their status stands for.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("code", ProblemCode.ForStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode)));
        services.AddExceptionHandler<StorageOutageHandler>();
        return services;
    }
}

/// <summary>Storage outages are the one unexpected failure a caller can act on: retry later. Everything else is a 500.</summary>
internal sealed partial class StorageOutageHandler(IProblemDetailsService problems, ILogger<StorageOutageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageFailure.IsOutage(exception))
        {
            return false;
        }

        LogOutage(logger, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "10";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage is unavailable",
                Detail = "Nothing was changed. Try again in a moment.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage outage while handling {Path}: {Reason}")]
    private static partial void LogOutage(ILogger logger, string path, string reason);
}
