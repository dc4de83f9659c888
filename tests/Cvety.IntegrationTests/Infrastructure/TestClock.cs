namespace Cvety.IntegrationTests.Infrastructure;

/// <summary>The host's clock: the real one, unless a test freezes it at a moment (and the reset between tests lets go).</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _frozen;

    public override DateTimeOffset GetUtcNow() => _frozen ?? base.GetUtcNow();

    public void Freeze(DateTimeOffset at) => _frozen = at.ToUniversalTime();

    public void Release() => _frozen = null;
}
