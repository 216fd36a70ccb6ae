namespace JewelBench.Functions.Http;

/// <summary>
/// Tells an image's type from its first bytes, never from the name or the Content-Type the client sent,
/// so that nothing but a real image is stored and served as one (no SVG: it can carry script).
/// </summary>
public static class Images
{
    private static readonly string[] HeicBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    public static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [_, _, _, _, 0x66, 0x74, 0x79, 0x70, _, _, _, _, ..] when HeicBrands.Contains(System.Text.Encoding.ASCII.GetString(bytes[8..12])) => "image/heic",
        _ => null,
    };

    /// <summary>The image type of a logo upload, or a 415 answer.</summary>
    public static string Require(byte[] bytes) =>
        Sniff(bytes) is { } type && type != "image/heic"
            ? type
            : throw new UnsupportedContentException("The file must be a PNG, JPEG or WebP image.");
}
