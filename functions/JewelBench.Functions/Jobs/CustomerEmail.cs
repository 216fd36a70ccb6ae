using JewelBench.Functions.Email;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Jobs;

/// <summary>An email to a job's customer, for the command's own transaction: the mail row and the operation that sends it.</summary>
public static class CustomerEmail
{
    public static (TableWrite Mail, Operation Operation) Queue(Job job, Operations operations, TimeProvider clock,
        string purpose, string address, string name, ComposedEmail message, string user)
    {
        var (mailWrite, step) = EmailDelivery.Prepare(OutboundEmail.Create(clock, job.Id, purpose, address, name, message, user));
        return (mailWrite, operations.New(EmailDelivery.Kind, job.Id, [step], user));
    }
}
