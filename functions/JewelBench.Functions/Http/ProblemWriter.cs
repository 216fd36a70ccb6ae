using Microsoft.AspNetCore.Mvc;

namespace JewelBench.Functions.Http;

/// <summary>Writes a problem details answer from middleware, where there is no endpoint result to return.</summary>
public static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
