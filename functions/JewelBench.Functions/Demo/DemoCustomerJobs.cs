using JewelBench.Core.Customers;
using JewelBench.Core.Pricing;

namespace JewelBench.Functions.Demo;

/// <summary>The counter side of the demo: customers, the repair price list, and repairs and custom jobs in every lane.</summary>
public static class DemoCustomerJobs
{
    public sealed record Seeded(IReadOnlyList<Customer> Customers, IReadOnlyList<RepairTask> PriceList, IReadOnlyList<Job> Jobs);

    public static Seeded Build(DateTimeOffset now)
    {
        Change At(int daysAgo, string by = "Sam Bench", string? reason = null) => new(by, now.AddDays(-daysAgo), reason);
        DateOnly InDays(int days) => DateOnly.FromDateTime(now.AddDays(days).Date);

        var mia = Customer.Create("cu-demo-mia", new CustomerDetails("Mia Chen", "mia.chen@example.com", "(555) 010-2030", null), At(30));
        var raj = Customer.Create("cu-demo-raj", new CustomerDetails("Raj Patel", "raj.patel@example.com", null, "Prefers text updates"), At(20));
        var lena = Customer.Create("cu-demo-lena", new CustomerDetails("Lena Novak", null, "(555) 010-4455", null), At(10));

        var sizing = RepairTask.Create("t-demo-size-up", "Ring sizing up, 14k", 45m, At(60, "Maya Owner"));
        var retip = RepairTask.Create("t-demo-retip", "Prong retip (each)", 25m, At(60, "Maya Owner"));
        var solder = RepairTask.Create("t-demo-chain", "Chain solder", 20m, At(60, "Maya Owner"));

        Job Repair(string id, Customer customer, string description, string item, int daysAgo, bool rush = false, int promisedIn = 7,
            JobModule module = JobModule.Repair) =>
            Job.Create(id, new NewJob(description, module, InDays(promisedIn), rush, Customer: customer.Name, CustomerId: customer.Id,
                Intake: new NewIntake(item, "14k yellow", null, "Worn shank, stones tight")), At(daysAgo));

        var received = Repair("R-0001", lena, "Solder broken chain", "18in rope chain", 0, promisedIn: 3);

        var quoting = Repair("R-0002", raj, "Retip four prongs", "Solitaire engagement ring", 2, rush: true);
        quoting.TransitionTo(JobStatus.NeedsQuote, At(2));
        quoting.SetQuote([new NewQuoteLine(retip.Id, retip.Name, 4, retip.Price)], At(1));

        var atBench = Repair("R-0003", mia, "Size from 6 to 7", "Ladies 14k band", 5);
        atBench.SetQuote([new NewQuoteLine(sizing.Id, sizing.Name, 1, sizing.Price), new NewQuoteLine(null, "Polish and clean", 1, 15m)], At(5));
        atBench.ApproveQuote(ApprovalChannel.InPerson, "Mia Chen", null, At(5));
        atBench.TakeDeposit(20m, PaymentMethod.Card, At(5));
        atBench.TransitionTo(JobStatus.InProgress, At(3));

        var ready = Repair("R-0004", raj, "Solder chain link", "Gold curb bracelet", 6, promisedIn: 0);
        ready.SetQuote([new NewQuoteLine(solder.Id, solder.Name, 1, solder.Price)], At(6));
        ready.ApproveQuote(ApprovalChannel.Phone, "Raj Patel", null, At(6));
        ready.TransitionTo(JobStatus.InProgress, At(4));
        ready.MarkReadyForPickup("INV-0001", 8.875m, At(1));

        var custom = Repair("C-0001", mia, "Custom pendant from grandmother's stone", "Loose 0.4ct sapphire", 8, promisedIn: 21,
            module: JobModule.Custom);
        custom.SetQuote([new NewQuoteLine(null, "Design and CAD", 1, 150m), new NewQuoteLine(null, "14k bezel pendant", 1, 420m)], At(8));
        custom.ApproveQuote(ApprovalChannel.Email, "Mia Chen", "Approved the CAD render", At(7));
        custom.TakeDeposit(285m, PaymentMethod.Card, At(7));
        custom.TransitionTo(JobStatus.WaitingOnVendor, At(4));
        custom.MovePiece(Place.Vendor, "Acme Casting", At(4));

        return new([mia, raj, lena], [sizing, retip, solder], [received, quoting, atBench, ready, custom]);
    }
}
