using JewelBench.Functions.Email;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Jobs;

/// <summary>
/// An email to a job's customer, for the command's own transaction: the mail row and the operation that sends it.
/// The job names the operation, so its page and card show the sending.
/// </summary>
public static class CustomerEmail
{
    public static (IReadOnlyList<TableWrite> Writes, Operation Operation) Queue(Job job, Operations operations, TimeProvider clock,
        string purpose, string address, string name, ComposedEmail message, string user)
    {
        var mail = OutboundEmail.Create(clock, job.Id, purpose, address, name, message, user);
        var (mailWrite, step) = EmailDelivery.Prepare(mail);
        var operation = operations.New(EmailDelivery.Kind, job.Id, [step], user);
        job.OperationId = operation.Id;
        return ([mailWrite, Operations.RecordWrite(operation)], operation);
    }
}
