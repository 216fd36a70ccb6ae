namespace JewelBench.Functions.Http;

/// <summary>Turns the domain's refusals into problem details: 400 with each field, 404, 409 with what is allowed.</summary>
public sealed class DomainErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationFailedException e)
        {
            return TypedResults.ValidationProblem(e.Errors, detail: Describe(e.Errors), title: "The request has invalid fields.");
        }
        catch (RequestTooLargeException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
        }
        catch (UnsupportedContentException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file");
        }
        catch (NotFoundException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (RuleConflictException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict,
                title: "Not allowed in the current state",
                extensions: new Dictionary<string, object?> { ["allowed"] = e.Allowed, ["blockers"] = e.Blockers });
        }
    }

    private static string Describe(IDictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value.Select(reason => $"{e.Key} {reason}")));
}
