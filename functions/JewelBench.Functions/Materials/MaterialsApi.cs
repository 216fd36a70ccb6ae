using JewelBench.Core.History;
using JewelBench.Core.Materials;

namespace JewelBench.Functions.Materials;

/// <summary>Stones and materials in stock: browse, add, edit, receive, count, and each one's adjustments ledger.</summary>
public static class MaterialsApi
{
    public static RouteGroupBuilder MapMaterials(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/materials").WithTags("Materials");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{materialId}", Get);
        group.MapPatch("/{materialId}", Edit);
        group.MapPost("/{materialId}/receive", Receive);
        group.MapPost("/{materialId}/count", Count);
        group.MapGet("/{materialId}/ledger", Ledger);
        group.MapGet("/{materialId}/history", History);
        return group;
    }

    /// <summary>Search by SKU, name, attributes or location; <c>low=true</c> keeps what is at or below its reorder point.</summary>
    private static async Task<IResult> List(Caller caller, IShopTable table, string? q, string? kind, string? low, CancellationToken ct)
    {
        var filter = JsonBody.FromQuery(new() { ["kind"] = kind, ["low"] = low });
        var (byKind, onlyLow) = (filter.Enum<MaterialKind>("kind"), filter.Bool("low"));
        filter.ThrowIfInvalid();
        var query = q?.Trim() ?? "";
        var all = await table.QueryAsync<Material>(caller.ShopId, Keys.MaterialPrefix, ct);
        return TypedResults.Ok(all.Select(m => m.Value)
            .Where(m => byKind is null || m.Kind == byKind)
            .Where(m => onlyLow is not true || m.IsLow && m.ScrapOf is null)
            .Where(m => query.Length == 0 || Matches(m, query))
            .OrderBy(m => m.Sku, StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static bool Matches(Material m, string q) =>
        new[] { m.Id, m.Sku, m.Name, m.Location, m.Stone?.Shape, m.Stone?.Size, m.Stone?.Color, m.Stone?.Clarity, m.Metal?.Metal, m.Metal?.Karat }
            .Any(v => v?.Contains(q, StringComparison.OrdinalIgnoreCase) == true);

    private static async Task<IResult> Get(string materialId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<Material>(caller.ShopId, Keys.Material(materialId), ct) is { } stored
            ? Answers.Ok(stored.Value, stored.Value)
            : Answers.NotFound($"Material {materialId} was not found.");

    private static async Task<IResult> Create(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("kind");
        var draft = ReadDraft(body) with { OnHand = body.Decimal("onHand") ?? 0 };
        body.ThrowIfInvalid();
        var (last, advance) = await Counters.ReadAsync(table, caller.ShopId, "material", ct);
        var material = Material.Create($"M-{last + 1:D4}", draft, new Change(caller.User, clock.GetUtcNow(), body.Text("reason")));
        await table.CommitAsync(caller.ShopId, [advance(1), .. MaterialWrites.Of(material, etag: null)], ct);
        return Answers.Created(material, material, $"/api/materials/{material.Id}");
    }

    /// <summary>Fields left out keep their value; on-hand changes only through receive, count and jobs.</summary>
    private static async Task<IResult> Edit(string materialId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        return await RunAsync(materialId, caller, request, reason, runner, (material, change) =>
        {
            var draft = ReadDraft(body, material);
            body.ThrowIfInvalid();
            material.Edit(draft, change);
        });
    }

    /// <summary>Stock in from a supplier: on-hand grows and a new unit cost, if given, blends into the average.</summary>
    private static async Task<IResult> Receive(string materialId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("quantity");
        var (quantity, unitCost, reason) = (body.Decimal("quantity"), body.Decimal("unitCost"), body.Text("reason"));
        body.ThrowIfInvalid();
        if (unitCost < 0) throw ValidationFailedException.For("unitCost", "must not be negative.");
        return await RunAsync(materialId, caller, request, reason, runner, (material, change) =>
            material.Apply(new MaterialMove(material.Id, LedgerMove.Receive, quantity!.Value, UnitCost: unitCost), change));
    }

    /// <summary>A stocktake: on-hand becomes what was counted, and the ledger keeps the difference and why.</summary>
    private static async Task<IResult> Count(string materialId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        body.Require("onHand");
        body.Require("reason");
        var (counted, reason) = (body.Decimal("onHand"), body.Text("reason"));
        body.ThrowIfInvalid();
        return await RunAsync(materialId, caller, request, reason, runner, (material, change) =>
            material.Apply(new MaterialMove(material.Id, LedgerMove.Count, counted!.Value), change));
    }

    /// <summary>A command on one material: its row and history through the runner, with the ledger entries it made.</summary>
    private static Task<IResult> RunAsync(string materialId, Caller caller, HttpRequest request, string? reason, CommandRunner runner,
        Action<Material, Change> command) =>
        runner.RunAsync<Material>(caller, materialId, Keys.Material(materialId), request.Headers.IfMatch, reason, (material, change) =>
        {
            command(material, change);
            return Task.FromResult<IEnumerable<TableWrite>>(
                material.TakeLedger().Select(e => new TableWrite.Insert(Keys.Ledger(material.Id, e.Seq), e)).ToList());
        }, m => m, "Material", ct: request.HttpContext.RequestAborted);

    /// <summary>The material's fields from the body; on an edit, a field left out keeps its value and an empty one clears it.</summary>
    private static MaterialDraft ReadDraft(JsonBody body, Material? current = null)
    {
        string? Text(string field, string? now) => body.Has(field) || current is null ? body.Text(field) : now;
        decimal Amount(string field, decimal now) => body.Has(field) || current is null ? body.Decimal(field) ?? 0 : now;
        return new(Text("name", current?.Name), Text("sku", current?.Sku), body.Enum<MaterialKind>("kind") ?? current?.Kind ?? MaterialKind.Other,
            Text("unit", current?.Unit), Amount("unitCost", current?.UnitCost ?? 0), Amount("reorderPoint", current?.ReorderPoint ?? 0),
            Text("location", current?.Location),
            new StoneAttributes(Text("shape", current?.Stone?.Shape), Text("size", current?.Stone?.Size), Text("color", current?.Stone?.Color),
                Text("clarity", current?.Stone?.Clarity)),
            new MetalAttributes(Text("metal", current?.Metal?.Metal), Text("karat", current?.Metal?.Karat)));
    }

    private static async Task<IResult> Ledger(string materialId, Caller caller, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<Material>(caller.ShopId, Keys.Material(materialId), ct) is null)
            return Answers.NotFound($"Material {materialId} was not found.");
        var entries = await table.QueryAsync<LedgerEntry>(caller.ShopId, Keys.LedgerPrefix(materialId), ct);
        return TypedResults.Ok(entries.Select(e => e.Value).ToList());
    }

    private static async Task<IResult> History(string materialId, Caller caller, IShopTable table, CancellationToken ct)
    {
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(materialId), ct);
        return events.Count > 0 ? TypedResults.Ok(events.Select(e => e.Value).ToList()) : Answers.NotFound($"Material {materialId} was not found.");
    }
}
