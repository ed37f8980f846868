using System.Buffers.Binary;
using System.IO.Compression;

namespace SentryMcp.Core.Tools;

/// <summary>
/// Preview images for snapshot screenshots without an imaging library: a PNG (8-bit grey, RGB,
/// palette, grey+alpha or RGBA, not interlaced, which is what screenshot tools write) larger than
/// <see cref="MaxDimension"/> is decoded, box-filtered down and encoded again; anything else is left
/// to the caller. Sizes are checked before anything is allocated, so a hostile file cannot make this
/// server inflate gigabytes.
/// </summary>
public static class PngPreview
{
    public const int MaxDimension = 1024;

    /// <summary>Larger sources are not decoded (the official server uses the same limit).</summary>
    private const long MaxPixels = 12_000_000;

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The preview and its size, the original when it is already small enough, or null when it cannot be read.</summary>
    public static (byte[] Png, int Width, int Height)? Create(byte[] png)
    {
        if (!TryDecode(png, out var width, out var height, out var channels, out var pixels))
        {
            return null;
        }
        if (Math.Max(width, height) <= MaxDimension)
        {
            return (png, width, height);
        }
        var scale = (double)Math.Max(width, height) / MaxDimension;
        var (w, h) = (Math.Max(1, (int)Math.Round(width / scale)), Math.Max(1, (int)Math.Round(height / scale)));
        var resized = new byte[w * h * channels];
        for (var y = 0; y < h; y++)
        {
            var (y0, y1) = (y * height / h, Math.Max(y * height / h + 1, (y + 1) * height / h));
            for (var x = 0; x < w; x++)
            {
                var (x0, x1) = (x * width / w, Math.Max(x * width / w + 1, (x + 1) * width / w));
                for (var c = 0; c < channels; c++)
                {
                    long sum = 0;
                    for (var sy = y0; sy < y1; sy++)
                    {
                        for (var sx = x0; sx < x1; sx++)
                        {
                            sum += pixels[(sy * width + sx) * channels + c];
                        }
                    }
                    resized[(y * w + x) * channels + c] = (byte)(sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        return (Encode(w, h, channels, resized), w, h);
    }

    /// <summary>Decodes to 3 (RGB) or 4 (RGBA) channels per pixel.</summary>
    private static bool TryDecode(byte[] png, out int width, out int height, out int channels, out byte[] pixels)
    {
        (width, height, channels, pixels) = (0, 0, 0, []);
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            return false;
        }
        byte bitDepth = 0, colorType = 0, interlace = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (length < 0 || offset + 12L + length > png.Length)
            {
                return false;
            }
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR" when length >= 13:
                    (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                    (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            if (type == "IEND")
            {
                break;
            }
            offset += 12 + length;
        }
        var sourceChannels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (bitDepth != 8 || interlace != 0 || sourceChannels == 0 || width <= 0 || height <= 0 || (long)width * height > MaxPixels || (colorType == 3 && palette is null))
        {
            return false;
        }
        var stride = width * sourceChannels;
        var raw = new byte[(stride + 1) * height];
        try
        {
            idat.Position = 0;
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            zlib.ReadExactly(raw);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
        channels = colorType is 4 or 6 ? 4 : 3;
        pixels = new byte[width * height * channels];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(current);
            if (!Unfilter(filter, current, previous, sourceChannels))
            {
                return false;
            }
            for (var x = 0; x < width; x++)
            {
                var target = (y * width + x) * channels;
                var source = x * sourceChannels;
                switch (colorType)
                {
                    case 0 or 4:
                        pixels[target] = pixels[target + 1] = pixels[target + 2] = current[source];
                        break;
                    case 3:
                        var entry = current[source] * 3;
                        if (entry + 2 >= palette!.Length)
                        {
                            return false;
                        }
                        (pixels[target], pixels[target + 1], pixels[target + 2]) = (palette[entry], palette[entry + 1], palette[entry + 2]);
                        break;
                    default:
                        (pixels[target], pixels[target + 1], pixels[target + 2]) = (current[source], current[source + 1], current[source + 2]);
                        break;
                }
                if (channels == 4)
                {
                    pixels[target + 3] = current[source + sourceChannels - 1];
                }
            }
            (previous, current) = (current, previous);
        }
        return true;
    }

    /// <summary>Reverses one of PNG's five row filters in place.</summary>
    private static bool Unfilter(byte filter, byte[] row, byte[] above, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = above[i], upLeft = i >= bpp ? above[i - bpp] : 0;
            row[i] = filter switch
            {
                0 => row[i],
                1 => (byte)(row[i] + left),
                2 => (byte)(row[i] + up),
                3 => (byte)(row[i] + (left + up) / 2),
                4 => (byte)(row[i] + Paeth(left, up, upLeft)),
                _ => row[i],
            };
        }
        return filter <= 4;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] Encode(int width, int height, int channels, byte[] pixels)
    {
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            pixels.AsSpan(y * stride, stride).CopyTo(raw.AsSpan(y * (stride + 1) + 1));
        }
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, (byte)(channels == 4 ? 6 : 2));
        WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            WriteChunk(output, "IDAT", compressed.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        stream.Write(number);
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    })];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
