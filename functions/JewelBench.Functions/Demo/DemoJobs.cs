using JewelBench.Core.Stock;

namespace JewelBench.Functions.Demo;

/// <summary>A week at a small workshop: jobs at the bench, out at the caster, on hold, done and canceled.</summary>
public static class DemoJobs
{
    public sealed record Seeded(Job Job, IReadOnlyList<StockItem> Pieces);

    public static IEnumerable<Seeded> Build(DateTimeOffset now)
    {
        Change At(int daysAgo, string by = "Maya", string? reason = null) => new(by, now.AddDays(-daysAgo), reason);

        var ring = Job.Create("P-0001", new NewJob("Solitaire engagement ring, 14k yellow", Store: "Main"), At(21));
        ring.AddItem(new NewItem(ItemKind.Material, "14k yellow gold", 4.2m, "g", 68m), At(21));
        ring.AddItem(new NewItem(ItemKind.Labor, "Ring fabrication", 3m, null, 55m), At(21));
        ring.AddStage(new NewStage("Polish", "Maya", VendorKind.InHouse, 15m), At(21));
        ring.TransitionTo(JobStatus.InProduction, At(20));
        ring.EditStage(ring.Stages[0].Id, new StageEdits { Status = StageStatus.Done }, At(15));
        var ringPieces = ring.Complete(new CompletionForm(null, "Rings", "In-house", "Case 2", 1, false, 1450m), 1, At(14));
        yield return new(ring, ringPieces);

        var studs = Job.Create("P-0002", new NewJob("Stud earrings, 0.25ct pair"), At(12));
        studs.TransitionTo(JobStatus.Canceled, At(11, reason: "Customer chose a ready-made pair instead"));
        yield return new(studs, []);

        var signets = Job.Create("P-0003", new NewJob("Signet ring batch, sterling", Quantity: 6), At(9, "Jon"));
        signets.AddItem(new NewItem(ItemKind.Material, "Sterling casting grain", 60m, "g", 1.1m), At(9, "Jon"));
        signets.AddItem(new NewItem(ItemKind.Fee, "Mould setup", 1, null, 40m), At(9, "Jon"));
        var casting = signets.AddStage(new NewStage("Casting", "Acme Casting", VendorKind.Outside, 90m, DateOnly.FromDateTime(now.AddDays(2).Date)), At(9, "Jon"));
        signets.AddStage(new NewStage("Polish", "Jon", VendorKind.InHouse, 30m), At(9, "Jon"));
        signets.TransitionTo(JobStatus.InProduction, At(6, "Jon"));
        signets.EditStage(casting.Id, new StageEdits { Status = StageStatus.InProgress }, At(6, "Jon"));
        yield return new(signets, []);

        var pendant = Job.Create("P-0004", new NewJob("Halo pendant, 18k white", Rush: true), At(4));
        pendant.AddItem(new NewItem(ItemKind.Material, "Melee diamonds 1.3mm", 18m, "pcs", 12m), At(4));
        var setting = pendant.AddStage(new NewStage("Setting", "Maya", VendorKind.InHouse, 120m), At(4));
        pendant.TransitionTo(JobStatus.InProduction, At(3));
        pendant.EditStage(setting.Id, new StageEdits { Status = StageStatus.InProgress }, At(2));
        yield return new(pendant, []);

        var bracelet = Job.Create("P-0005", new NewJob("Tennis bracelet restock"), At(8, "Jon"));
        bracelet.Edit(new JobEdits { OnHold = true }, At(5, "Jon", "Waiting for the stone parcel"));
        yield return new(bracelet, []);

        yield return new(Job.Create("P-0006", new NewJob("Bangle set for the spring window", Rush: true), At(1)), []);
        yield return new(Job.Create("P-0007", new NewJob("Pearl drop earrings", Customer: "Ana Ruiz"), At(0)), []);
    }
}
