using JewelBench.Functions.Hosting;
using JewelBench.Functions.Workflow;
using JewelBench.Core.Customers;
using JewelBench.Core.Stock;
using JewelBench.Functions.Processes;

namespace JewelBench.Functions.Jobs;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/jobs").WithTags("Jobs");
        group.MapPost("/", CreateJob);
        group.MapGet("/", JobListApi.ListJobs);
        group.MapGet("/{id}", GetJob);
        group.MapPatch("/{id}", EditJob);
        return group;
    }

    private static NewIntake? ReadIntake(JsonBody body)
    {
        var fields = new[] { "item", "metal", "stones", "condition" };
        return fields.Any(body.Has) ? new NewIntake(body.Text("item"), body.Text("metal"), body.Text("stones"), body.Text("condition")) : null;
    }

    private static async Task<IResult> CreateJob(Caller caller, HttpRequest request, JobCommands jobs, IShopTable table, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("description");
        var module = body.Enum<JobModule>("module") ?? JobModule.Production;
        var draft = new NewJob(body.Text("description"), module, body.Date("targetDate"), body.Bool("rush") ?? false,
            body.Text("store"), body.Text("customer"), body.Int("quantity") ?? 1, body.Text("customerId"), ReadIntake(body), body.Text("stockId"));
        var processId = body.Text("processId");
        body.ThrowIfInvalid();
        if (draft.RepairOf is { } stockId && module == JobModule.Repair)
        {
            var piece = await table.GetAsync<StockItem>(caller.ShopId, Keys.Stock(stockId), ct)
                ?? throw ValidationFailedException.For("stockId", $"{stockId} is not a piece of this shop's stock.");
            if (piece.Value.Status == StockStatus.Sold) throw ValidationFailedException.For("stockId", $"{stockId} is sold: it is no longer the shop's piece.");
            draft = draft with { Intake = (draft.Intake ?? new NewIntake(null, null, null, null)) is var i ? i with { Item = i.Item ?? piece.Value.Title } : null };
        }
        if (module == JobModule.Production && (draft.CustomerId is not null || draft.Intake is not null))
            throw ValidationFailedException.For("module", "a production job has no customer record or intake: choose Repair or Custom.");
        if (module != JobModule.Production)
        {
            if (draft.Customer is not null) throw ValidationFailedException.For("customer", "of a repair or custom job is given by customerId.");
            var customer = draft.CustomerId is null ? null : await table.GetAsync<Customer>(caller.ShopId, Keys.Customer(draft.CustomerId), ct);
            if (draft.CustomerId is not null && customer is null)
                throw ValidationFailedException.For("customerId", $"{draft.CustomerId} is not a customer of this shop.");
            draft = draft with { Customer = customer?.Value.Name };
        }
        var process = processId is null ? null : await ProcessesApi.ForJobAsync(table, caller.ShopId, processId, ct);
        return await jobs.CreateAsync(caller, draft, ct, process);
    }

    private static async Task<IResult> GetJob(string id, Caller caller, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<Job>(caller.ShopId, Keys.Job(id), ct) is not { Value: var job }) return Answers.NotFound($"Job {id} was not found.");
        var operation = job.OperationId is { } operationId ? await table.GetAsync<Operation>(caller.ShopId, Keys.Operation(operationId), ct) : null;
        return Answers.Ok(job, job.ToDto(caller.ShopId, operation?.Value));
    }

    private static async Task<IResult> EditJob(string id, Caller caller, HttpRequest request, JobCommands jobs)
    {
        var body = await JsonBody.ReadAsync(request);
        var edits = new JobEdits
        {
            Description = body.Maybe("description", body.Text),
            TargetDate = body.Maybe("targetDate", body.Date),
            Rush = body.MaybeValue("rush", body.Bool),
            Store = body.Maybe("store", body.Text),
            Customer = body.Maybe("customer", body.Text),
            Quantity = body.MaybeValue("quantity", body.Int),
            OnHold = body.MaybeValue("onHold", body.Bool),
            Intake = ReadIntake(body) is { } intake ? new Optional<NewIntake>(intake) : default,
        };
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await jobs.RunAsync(caller, id, request, reason, (job, change) => job.Edit(edits, change));
    }
}
