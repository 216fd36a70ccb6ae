using JewelBench.Core.History;
using JewelBench.Core.Materials;
using JewelBench.Core.Shops;
using JewelBench.Core.Styles;
using JewelBench.Functions.Hosting;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Processes;
using Microsoft.Extensions.Options;

namespace JewelBench.Functions.Styles;

/// <summary>The style catalog (My Designs and Vendor Styles), its images, and batches started from a style.</summary>
public static class StylesApi
{
    private const int MaxImagesPerUpload = 6;

    public static RouteGroupBuilder MapStyles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/styles").WithTags("Styles");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{styleId}", Get);
        group.MapPatch("/{styleId}", Edit);
        group.MapGet("/{styleId}/history", History);
        group.MapPost("/{styleId}/images", AddImages).WithMetadata(new AcceptsMultipartUpload());
        group.MapGet("/{styleId}/images/{imageId}", Image);
        group.MapDelete("/{styleId}/images/{imageId}", RemoveImage);
        group.MapPost("/{styleId}/jobs", StartBatch);
        return group;
    }

    /// <summary>A bill-of-materials line with its cost at today's inventory prices.</summary>
    public sealed record BomLineDto(ItemKind Kind, string Description, decimal Quantity, string Unit, decimal UnitCost, decimal Cost,
        string? MaterialId, decimal? OnHand);

    /// <summary>A style with its cost per piece: materials at their current unit cost, labor and fees as set.</summary>
    public sealed record StyleDto(string Id, string Code, string Name, string Category, StyleOrigin Origin, string? Vendor, string? Notes,
        string? ProcessId, bool Active, IReadOnlyList<BomLineDto> Bom, IReadOnlyList<StyleImage> Images, decimal Cost, int Version,
        DateTimeOffset UpdatedAt, string UpdatedBy);

    private static StyleDto ToDto(Style s, IReadOnlyDictionary<string, Material> materials)
    {
        var bom = s.Bom.Select(l =>
        {
            var material = l.MaterialId is { } id ? materials.GetValueOrDefault(id) : null;
            var unitCost = material?.UnitCost ?? l.UnitCost;
            var cost = Money.Round(l.Quantity * unitCost);
            return new BomLineDto(l.Kind, material is null ? l.Description : $"{material.Sku} {material.Name}", l.Quantity,
                material?.Unit ?? l.Unit, unitCost, cost, l.MaterialId, material?.OnHand);
        }).ToList();
        return new StyleDto(s.Id, s.Code, s.Name, s.Category, s.Origin, s.Vendor, s.Notes, s.ProcessId, s.Active, bom, s.Images,
            bom.Sum(l => l.Cost), s.Version, s.UpdatedAt, s.UpdatedBy);
    }

    private static async Task<Dictionary<string, Material>> MaterialsAsync(IShopTable table, string shop, CancellationToken ct) =>
        (await table.QueryAsync<Material>(shop, Keys.MaterialPrefix, ct)).ToDictionary(m => m.Value.Id, m => m.Value);

    private static async Task<IResult> List(Caller caller, IShopTable table, string? origin, string? q, CancellationToken ct)
    {
        var filter = JsonBody.FromQuery(new() { ["origin"] = origin });
        var byOrigin = filter.Enum<StyleOrigin>("origin");
        filter.ThrowIfInvalid();
        var query = q?.Trim() ?? "";
        var styles = table.QueryAsync<Style>(caller.ShopId, Keys.StylePrefix, ct);
        var materials = await MaterialsAsync(table, caller.ShopId, ct);
        return TypedResults.Ok((await styles).Select(s => s.Value)
            .Where(s => byOrigin is null || s.Origin == byOrigin)
            .Where(s => query.Length == 0 || new[] { s.Code, s.Name, s.Category, s.Vendor }.Any(v => v?.Contains(query, StringComparison.OrdinalIgnoreCase) == true))
            .OrderByDescending(s => s.Active).ThenBy(s => s.Code, StringComparer.OrdinalIgnoreCase)
            .Select(s => ToDto(s, materials)).ToList());
    }

    private static async Task<IResult> Get(string styleId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<Style>(caller.ShopId, Keys.Style(styleId), ct) is { } stored
            ? Answers.Ok(stored.Value, ToDto(stored.Value, await MaterialsAsync(table, caller.ShopId, ct)))
            : Answers.NotFound($"Style {styleId} was not found.");

    private static async Task<IResult> Create(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        var draft = ReadDraft(body, current: null);
        body.ThrowIfInvalid();
        var (last, advance) = await Counters.ReadAsync(table, caller.ShopId, "style", ct);
        var style = Style.Create($"ST-{last + 1:D4}", draft, new Change(caller.User, clock.GetUtcNow()));
        var materials = await MaterialsAsync(table, caller.ShopId, ct);
        CheckMaterials(draft, materials);
        if (draft.ProcessId is { } processId) await ProcessesApi.ForJobAsync(table, caller.ShopId, processId, ct);
        await table.CommitAsync(caller.ShopId, [advance(1), .. RecordedWrites.Insert(Keys.Style(style.Id), style.Id, style)], ct);
        return Answers.Created(style, ToDto(style, materials), $"/api/styles/{style.Id}");
    }

    /// <summary>Fields left out keep their value; a bill of materials that is sent replaces the whole list.</summary>
    private static async Task<IResult> Edit(string styleId, Caller caller, HttpRequest request, CommandRunner runner, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        var materials = await MaterialsAsync(table, caller.ShopId, request.HttpContext.RequestAborted);
        if (body.Has("processId") && body.Text("processId") is { } processId)
            await ProcessesApi.ForJobAsync(table, caller.ShopId, processId, request.HttpContext.RequestAborted);
        return await RunAsync(styleId, caller, request, reason, runner, materials, (style, change) =>
        {
            var draft = ReadDraft(body, style);
            body.ThrowIfInvalid();
            style.Edit(draft, change);
            CheckMaterials(draft, materials);
        });
    }

    private static StyleDraft ReadDraft(JsonBody body, Style? current)
    {
        string? Text(string field, string? now) => body.Has(field) || current is null ? body.Text(field) : now;
        var bom = body.Has("bom") || current is null
            ? body.Objects("bom", Style.MaxBomLines).Select(l => new BomDraft(l.Enum<ItemKind>("kind") ?? ItemKind.Material, l.Text("description"),
                l.Decimal("quantity") ?? 1, l.Text("unit"), l.Decimal("unitCost") ?? 0, l.Text("materialId"))).ToList()
            : current.Bom.Select(l => new BomDraft(l.Kind, l.Description, l.Quantity, l.Unit, l.UnitCost, l.MaterialId)).ToList();
        return new StyleDraft(Text("code", current?.Code), Text("name", current?.Name), Text("category", current?.Category),
            body.Enum<StyleOrigin>("origin") ?? current?.Origin ?? StyleOrigin.MyDesign, Text("vendor", current?.Vendor), Text("notes", current?.Notes),
            Text("processId", current?.ProcessId), body.Bool("active") ?? current?.Active ?? true, bom);
    }

    private static void CheckMaterials(StyleDraft draft, IReadOnlyDictionary<string, Material> materials)
    {
        var missing = draft.Bom.Select((l, i) => (l, i)).Where(x => x.l.MaterialId is { } id && (!materials.TryGetValue(id, out var m) || m.ScrapOf is not null)).ToList();
        if (missing.Count > 0)
            throw new ValidationFailedException(missing.ToDictionary(x => $"bom[{x.i}].materialId", x => new[] { $"{x.l.MaterialId} is not a material in inventory." }));
    }

    private static async Task<IResult> AddImages(string styleId, Caller caller, HttpRequest request, IShopTable table, IBlobStore blobs,
        CommandRunner runner, IOptions<JewelBenchOptions> options)
    {
        var ct = request.HttpContext.RequestAborted;
        if (await table.GetAsync<Style>(caller.ShopId, Keys.Style(styleId), ct) is null) return Answers.NotFound($"Style {styleId} was not found.");
        var files = await ImageUpload.ReadAsync(request, "images", MaxImagesPerUpload, options.Value.MaxPhotoBytes);
        var images = files.Select(f => (Image: new StyleImage(Ids.New("im"), f.ContentType, f.Bytes.Length), f.Bytes)).ToList();
        var materials = await MaterialsAsync(table, caller.ShopId, ct);
        return await ImageUpload.StoreThenListAsync(blobs,
            images.Select(i => (BlobNames.StyleImage(caller.ShopId, styleId, i.Image.Id), i.Bytes, i.Image.ContentType)).ToList(),
            () => RunAsync(styleId, caller, request, null, runner, materials, (style, change) => style.AddImages(images.Select(i => i.Image).ToList(), change),
                StatusCodes.Status201Created), ct);
    }

    private static async Task<IResult> Image(string styleId, string imageId, Caller caller, HttpContext http, IShopTable table, IBlobStore blobs,
        CancellationToken ct)
    {
        var image = (await table.GetAsync<Style>(caller.ShopId, Keys.Style(styleId), ct))?.Value.Images.Find(i => i.Id == imageId);
        var blob = image is null ? null : await blobs.GetAsync(BlobNames.StyleImage(caller.ShopId, styleId, image.Id), ct);
        return blob is null ? Answers.NotFound($"Image {imageId} was not found.") : Answers.Image(http, blob.Content, image!.ContentType);
    }

    private static async Task<IResult> RemoveImage(string styleId, string imageId, Caller caller, HttpRequest request, CommandRunner runner, IShopTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        var materials = await MaterialsAsync(table, caller.ShopId, request.HttpContext.RequestAborted);
        return await RunAsync(styleId, caller, request, reason, runner, materials, (style, change) => style.RemoveImage(imageId, change));
    }

    /// <summary>
    /// A manufacturer's batch: a production job of N pieces with the style's bill of materials × N allocated in the job's
    /// own transaction (409 when stock is short) and the stages of the style's process.
    /// </summary>
    private static async Task<IResult> StartBatch(string styleId, Caller caller, HttpRequest request, IShopTable table, JobCommands jobs)
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request);
        body.Require("quantity");
        var (quantity, description, targetDate, rush, store) = (body.Int("quantity"), body.Text("description"), body.Date("targetDate"),
            body.Bool("rush"), body.Text("store"));
        body.ThrowIfInvalid();
        if (await table.GetAsync<Style>(caller.ShopId, Keys.Style(styleId), ct) is not { Value: var style })
            return Answers.NotFound($"Style {styleId} was not found.");
        var shop = await table.GetAsync<ShopProfile>(caller.ShopId, Keys.Shop, ct);
        if (shop?.Value.Manufacturer != true)
            throw new RuleConflictException("Batches from styles are for manufacturers: turn on \"We manufacture\" in Shop settings first.");
        var materials = await MaterialsAsync(table, caller.ShopId, ct);
        var process = style.ProcessId is { } processId ? await ProcessesApi.ForJobAsync(table, caller.ShopId, processId, ct) : null;
        var draft = new NewJob(description ?? $"{style.Name} ({style.Code})", JobModule.Production, targetDate, rush ?? false, store, Quantity: quantity ?? 1);
        return await jobs.CreateAsync(caller, draft, ct, process, (job, change) => job.MakeFromStyle(style, materials, change));
    }

    private static async Task<IResult> History(string styleId, Caller caller, IShopTable table, CancellationToken ct)
    {
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(styleId), ct);
        return events.Count > 0 ? TypedResults.Ok(events.Select(e => e.Value).ToList()) : Answers.NotFound($"Style {styleId} was not found.");
    }

    private static Task<IResult> RunAsync(string styleId, Caller caller, HttpRequest request, string? reason, CommandRunner runner,
        IReadOnlyDictionary<string, Material> materials, Action<Style, Change> command, int successStatus = StatusCodes.Status200OK) =>
        runner.RunAsync<Style>(caller, styleId, Keys.Style(styleId), request.Headers.IfMatch, reason, (style, change) =>
        {
            command(style, change);
            return Task.FromResult(Enumerable.Empty<TableWrite>());
        }, s => ToDto(s, materials), "Style", successStatus, request.HttpContext.RequestAborted);
}
