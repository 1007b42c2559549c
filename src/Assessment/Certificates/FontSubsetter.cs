using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;

namespace Training.Assessment.Certificates;

/// <summary>
/// HarfBuzz's font subsetter (hb-subset), which the libHarfBuzzSharp library shipped with HarfBuzzSharp exports but
/// HarfBuzzSharp does not wrap. Skia embeds a TrueType font in a PDF whole; a subset of it holding only the glyphs a
/// document draws makes the PDF a small fraction of the size and saves compressing the whole font on every render.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    // hb-subset.h: hb_subset_flags_t and hb_subset_sets_t.
    private const uint NoHinting = 0x1, RetainGids = 0x2, NotdefOutline = 0x40;
    private const int DropTableTagSet = 3;

    // The glyphs are drawn at positions shaped with the full font, so the PDF needs no layout tables; dropping them
    // also skips the layout closure, which would bring back every ligature and form the used letters can take.
    private static readonly Tag[] LayoutTables = [Tag.Parse("GSUB"), Tag.Parse("GPOS"), Tag.Parse("GDEF")];

    /// <summary>Every code point the font's cmap maps, with its glyph.</summary>
    public static Dictionary<int, ushort> NominalGlyphs(Face face)
    {
        var map = hb_map_create();
        try
        {
            hb_face_collect_nominal_glyph_mapping(face.Handle, map, IntPtr.Zero);
            var glyphs = new Dictionary<int, ushort>((int)hb_map_get_population(map));
            var index = -1;
            while (hb_map_next(map, ref index, out var codePoint, out var glyph) != 0)
            {
                glyphs[(int)codePoint] = (ushort)glyph;
            }
            return glyphs;
        }
        finally
        {
            hb_map_destroy(map);
        }
    }

    /// <summary>
    /// The font program of a subset of <paramref name="face"/> with the given glyphs, at their own ids (so glyph ids
    /// shaped with the full font stay valid), and a cmap of the given code points, from which Skia writes the PDF's
    /// ToUnicode map that keeps the text searchable and copyable. Null when HarfBuzz cannot subset the font.
    /// </summary>
    public static SKData? Subset(Face face, IReadOnlyCollection<ushort> glyphs, IEnumerable<int> codePoints)
    {
        try
        {
            return SubsetOrNull(face, glyphs, codePoints);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a native library without hb-subset: the caller draws with the full font
        }
    }

    private static SKData? SubsetOrNull(Face face, IReadOnlyCollection<ushort> glyphs, IEnumerable<int> codePoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }
        var subset = IntPtr.Zero;
        var blob = IntPtr.Zero;
        try
        {
            hb_subset_input_set_flags(input, NoHinting | RetainGids | NotdefOutline);
            var glyphSet = hb_subset_input_glyph_set(input);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
            }
            var unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                hb_set_add(unicodeSet, (uint)codePoint);
            }
            var dropTables = hb_subset_input_set(input, DropTableTagSet);
            foreach (var table in LayoutTables)
            {
                hb_set_add(dropTables, table);
            }

            subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }
            blob = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(blob, out var length);
            return data == IntPtr.Zero || length == 0 ? null : SKData.CreateCopy(data, (ulong)length);
        }
        finally
        {
            if (blob != IntPtr.Zero)
            {
                hb_blob_destroy(blob);
            }
            if (subset != IntPtr.Zero)
            {
                hb_face_destroy(subset);
            }
            hb_subset_input_destroy(input);
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_glyph_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codePoint);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    private static partial void hb_face_collect_nominal_glyph_mapping(IntPtr face, IntPtr mapping, IntPtr unicodes);

    [LibraryImport(Library)]
    private static partial IntPtr hb_map_create();

    [LibraryImport(Library)]
    private static partial uint hb_map_get_population(IntPtr map);

    [LibraryImport(Library)]
    private static partial int hb_map_next(IntPtr map, ref int index, out uint key, out uint value);

    [LibraryImport(Library)]
    private static partial void hb_map_destroy(IntPtr map);
}
