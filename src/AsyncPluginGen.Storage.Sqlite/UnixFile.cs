using System.Runtime.InteropServices;
using System.Text;

namespace AsyncPluginGen.Hosting;

/// <summary>Reads a small file with libc's open and read, which take no lock (.NET's FileStream takes a flock on Unix).</summary>
internal static partial class UnixFile
{
    private const int ReadOnly = 0;

    public static string ReadWithoutLock(string path)
    {
        var fd = Open(path, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"open failed (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            var buffer = new byte[256];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = (int)Read(fd, ref buffer[total], (nint)(buffer.Length - total));
                if (read < 0)
                {
                    throw new IOException($"read failed (errno {Marshal.GetLastPInvokeError()})");
                }

                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        finally
        {
            _ = CloseFile(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseFile(int fd);
}
