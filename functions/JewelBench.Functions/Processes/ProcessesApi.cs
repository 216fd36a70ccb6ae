using JewelBench.Core.History;
using JewelBench.Core.Processes;

namespace JewelBench.Functions.Processes;

/// <summary>The shop's processes: named, ordered stage templates that jobs start from. The bench keeps them, so staff may write.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcesses(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/processes").WithTags("Processes");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{processId}", Get);
        group.MapPatch("/{processId}", Edit);
        group.MapGet("/{processId}/history", History);
        return group;
    }

    public sealed record ProcessDto(string Id, string Name, bool Active, IReadOnlyList<TemplateStage> Stages, int Version,
        string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);

    public static ProcessDto ToDto(this StageTemplate p) =>
        new(p.Id, p.Name, p.Active, p.Stages, p.Version, p.CreatedBy, p.CreatedAt, p.UpdatedBy, p.UpdatedAt);

    /// <summary>
    /// The process a job is to take its stages from. An unknown one is a bad field of the job's request, not a
    /// missing job (404); whether it may still be used (not retired) is the job's rule.
    /// </summary>
    public static async Task<StageTemplate> ForJobAsync(IShopTable table, string shopId, string processId, CancellationToken ct)
    {
        var unknown = ValidationFailedException.For("processId", $"{processId[..Math.Min(processId.Length, 40)]} is not a process of this shop.");
        string key;
        try
        {
            key = Keys.Process(processId);
        }
        catch (NotFoundException)
        {
            throw unknown;
        }
        return (await table.GetAsync<StageTemplate>(shopId, key, ct))?.Value ?? throw unknown;
    }

    private static async Task<Ok<List<ProcessDto>>> List(Caller caller, IShopTable table, CancellationToken ct) =>
        TypedResults.Ok((await table.QueryAsync<StageTemplate>(caller.ShopId, Keys.ProcessPrefix, ct))
            .Select(p => p.Value.ToDto()).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList());

    private static async Task<IResult> Get(string processId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<StageTemplate>(caller.ShopId, Keys.Process(processId), ct) is { Value: var process }
            ? Answers.Ok(process, process.ToDto())
            : Answers.NotFound($"Process {processId} was not found.");

    private static async Task<IResult> Create(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("name");
        var (name, stages) = (body.Text("name"), ReadStages(body));
        body.ThrowIfInvalid();
        var process = StageTemplate.Create(Ids.New("p"), name, stages, new Change(caller.User, clock.GetUtcNow()));
        await table.CommitAsync(caller.ShopId, RecordedWrites.Insert(Keys.Process(process.Id), process.Id, process).ToList(), ct);
        return Answers.Created(process, process.ToDto(), $"/api/processes/{process.Id}");
    }

    /// <summary>Jobs already started from the process keep the stages they copied; only jobs started later see the change.</summary>
    private static async Task<IResult> Edit(string processId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        var (name, stages, active) = (body.Text("name"), ReadStages(body), body.Bool("active"));
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await runner.RunAsync<StageTemplate>(caller, processId, Keys.Process(processId), request.Headers.IfMatch, reason,
            (process, change) =>
            {
                process.Edit(name, stages, active, change);
                return Task.FromResult(Enumerable.Empty<TableWrite>());
            }, p => p.ToDto(), "Process", ct: request.HttpContext.RequestAborted);
    }

    private static async Task<IResult> History(string processId, Caller caller, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<StageTemplate>(caller.ShopId, Keys.Process(processId), ct) is null)
            return Answers.NotFound($"Process {processId} was not found.");
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(processId), ct);
        return TypedResults.Ok(events.Select(e => e.Value).ToList());
    }

    /// <summary>The whole list of stages, in order, when sent; null when the request leaves them as they are.</summary>
    private static List<NewTemplateStage>? ReadStages(JsonBody body) => body.Has("stages")
        ? body.Objects("stages", StageTemplate.MaxStages).Select(s => new NewTemplateStage(s.Text("name"), s.Text("vendor"),
            s.Enum<VendorKind>("vendorKind") ?? VendorKind.InHouse, s.Decimal("cost") ?? 0, s.Int("durationDays"))).ToList()
        : null;
}
