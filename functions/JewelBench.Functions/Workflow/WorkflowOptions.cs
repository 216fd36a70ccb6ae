namespace JewelBench.Functions.Workflow;

/// <summary>The "jewelbench:workflow" section of host.json.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Concurrent consumers per host instance.</summary>
    public int Consumers { get; set; } = 2;

    /// <summary>Attempts of a failing operation before it is Failed and its message goes to the poison queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each next one doubles, with up to 20% jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a taken message stays hidden; long steps renew it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an idle consumer waits before looking at the queue again.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay of one timer message; a later timer is chained message by message.</summary>
    public TimeSpan MaxTimerDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>How long a poison message is kept; the Failed operation record stays the truth.</summary>
    public TimeSpan PoisonTimeToLive { get; set; } = TimeSpan.FromDays(30);

    /// <summary>An unfinished operation untouched this long has lost its message; the sweep sends a new one.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Finished operation records are deleted after this long (a job's own history is never purged).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Test-only fault hooks, off unless set: used to crash and poison a real host process in tests.</summary>
    public WorkflowFaults Faults { get; set; } = new();

    /// <summary>A message whose operation record does not exist (yet) is looked at this many times, then dropped.</summary>
    public int OrphanDeliveries { get; set; } = 5;
}

/// <summary>Faults a test can switch on in a host it starts; never set in host.json.</summary>
public sealed class WorkflowFaults
{
    /// <summary>Each step waits this long first, so that a test can kill the process in the middle of an operation.</summary>
    public TimeSpan StepDelay { get; set; }

    /// <summary>Each step waits this long after its work and before its checkpoint, so that a test can kill the process in between.</summary>
    public TimeSpan CheckpointDelay { get; set; }

    /// <summary>Steps whose name starts with this fail.</summary>
    public string? FailStepsStartingWith { get; set; }
}
