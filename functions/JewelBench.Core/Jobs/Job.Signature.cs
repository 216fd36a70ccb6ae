namespace JewelBench.Core.Jobs;

/// <summary>The customer's signature at intake: the stored image's server-made name, its size, and who at the shop took it, when.</summary>
public sealed record IntakeSignature(string BlobName, int Bytes, string TakenBy, DateTimeOffset TakenAt);

/// <summary>Custody at intake: the customer's signature on screen and the intake receipt they are emailed.</summary>
public sealed partial class Job
{
    public IntakeSignature? Signature { get; set; }

    /// <summary>Checked before the image is stored, so a job that cannot be signed leaves no blob behind.</summary>
    public void EnsureSignable()
    {
        EnsureCustomerJob("is signed by the customer at intake");
        EnsureOpen("signed");
    }

    /// <summary>A new signature replaces the old one; the history keeps both names, so the replacement is never silent.</summary>
    public void Sign(IntakeSignature signature, Change change)
    {
        EnsureSignable();
        var replaced = Signature;
        Signature = signature;
        Record(change, replaced is null ? "Signed" : "SignatureReplaced",
            replaced is null ? "Customer signed at intake" : $"Customer signed again, replacing the signature {replaced.TakenBy} took",
            "signature", replaced?.BlobName, signature.BlobName);
    }

    public void EnsureIntakeReceiptAllowed()
    {
        EnsureCustomerJob("has an intake receipt");
        EnsureOpen("given an intake receipt");
    }

    /// <summary>Each send is its own email and its own event: sending again is allowed.</summary>
    public void IntakeReceiptEmailed(string address, Change change)
    {
        EnsureIntakeReceiptAllowed();
        Record(change, "Emailed", $"Intake receipt emailed to {address}", "email", null, address);
    }
}
