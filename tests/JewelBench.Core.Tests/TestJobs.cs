using JewelBench.Core.Jobs;
using JewelBench.Core.Stock;

namespace JewelBench.Core.Tests;

/// <summary>Builds jobs in a given state. Every builder hands back a "saved" job: its setup events are taken.</summary>
internal static class TestJobs
{
    public static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int n) => Monday.AddDays(n);

    public static Change By(string who = "ana", int day = 0, string? reason = null) => new(who, Day(day), reason);

    public static Job Draft(string id = "J-1001", string description = "Gold band", int quantity = 1,
        string? customer = null, string? store = null, bool rush = false, int day = 0)
    {
        var job = Job.Create(id, new NewJob(description, Rush: rush, Store: store, Customer: customer, Quantity: quantity), By(day: day));
        job.TakeEvents();
        return job;
    }

    public static Job InProduction(string id = "J-1001", int quantity = 1, string? store = null, bool rush = false, int day = 0)
    {
        var job = Draft(id, quantity: quantity, store: store, rush: rush, day: day);
        job.TransitionTo(JobStatus.InProduction, By(day: day + 1));
        job.TakeEvents();
        return job;
    }

    /// <summary>A job in production whose cost is exactly <paramref name="cost"/> (one material line) and whose stages are done.</summary>
    public static Job ReadyToComplete(decimal cost = 100m, int quantity = 1, string id = "J-1001")
    {
        var job = Draft(id, quantity: quantity);
        job.WithMaterial(quantity: 1, unitCost: cost);
        job.TransitionTo(JobStatus.InProduction, By(day: 1));
        job.TakeEvents();
        return job;
    }

    public static CompletionForm Form(string? category = "Rings", bool separate = false, int? quantity = null,
        string? title = null, string? storageLocation = null, decimal? retailPrice = null) =>
        new(title, category, null, storageLocation, quantity, separate, retailPrice);

    /// <summary>A completed job and the stock pieces its close-out created.</summary>
    public static (Job Job, IReadOnlyList<StockItem> Pieces) Completed(decimal cost = 100m, int pieces = 1, bool separate = true)
    {
        var job = ReadyToComplete(cost, quantity: pieces);
        var stock = job.Complete(Form(separate: separate), firstStockNumber: 1, By(day: 5));
        job.TakeEvents();
        foreach (var piece in stock) piece.TakeEvents();
        return (job, stock);
    }

    public static JobItem WithMaterial(this Job job, decimal quantity = 2, string unit = "g", decimal unitCost = 50m,
        string description = "18k yellow gold")
    {
        var item = job.AddItem(new NewItem(ItemKind.Material, description, quantity, unit, unitCost), By());
        job.TakeEvents();
        return item;
    }

    public static JobItem WithItem(this Job job, ItemKind kind, decimal quantity, decimal unitCost, string? unit = null)
    {
        var item = job.AddItem(new NewItem(kind, $"{kind} line", quantity, unit, unitCost), By());
        job.TakeEvents();
        return item;
    }

    public static Stage WithStage(this Job job, string name = "Casting", decimal cost = 0m,
        StageStatus status = StageStatus.Pending, VendorKind kind = VendorKind.InHouse, string? vendor = null)
    {
        var stage = job.AddStage(new NewStage(name, vendor, kind, cost), By());
        if (status != StageStatus.Pending) job.EditStage(stage.Id, new StageEdits { Status = status }, By(day: 1));
        job.TakeEvents();
        return stage;
    }
}
