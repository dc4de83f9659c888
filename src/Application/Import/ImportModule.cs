using Marten;

namespace Cvety.Application.Import;

public static class ImportModule
{
    /// <summary>The switch-over's marks: one per legacy row taken over, in the shop's tenant.</summary>
    public static StoreOptions AddImport(this StoreOptions opts)
    {
        opts.Schema.For<LegacyImportMark>();
        return opts;
    }
}
