using System.Globalization;
using System.Text;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// One host per store file: an exclusive lock on <c>&lt;Path&gt;.lock</c>, holding the owner's process id, which the
/// operating system releases when the process ends, however it ends.
/// </summary>
internal static class StoreLockFile
{
    /// <summary>
    /// Takes the exclusive lock: the file opened with <see cref="FileShare.None"/>, which .NET turns into an exclusive
    /// <c>flock</c> on Linux and macOS (on Windows, a sharing mode that refuses other writers but lets the owner's pid be
    /// read), released by the operating system when the process ends, however it ends.
    /// </summary>
    public static FileStream Take(string lockPath)
    {
        for (var attempt = 0; ; attempt++)
        {
            FileStream held;
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.Read | FileShare.Delete : FileShare.None, bufferSize: 1);
            }
            catch (IOException exception) when (File.Exists(lockPath))
            {
                var owner = ReadOwner(lockPath);
                throw new TaskStoreException(
                    $"The task store is in use: the lock file '{lockPath}' is held by process {owner}. One host per store file: stop that host, " +
                    "or give this host a file of its own. (The lock is released when its process ends, even by a crash; a lock file left behind by a dead process does not block.)",
                    exception);
            }

            // The previous owner deletes the file before releasing it: a lock taken on a file that no longer has this
            // name protects nothing, so take the one that has.
            if (!File.Exists(lockPath) && attempt < 10)
            {
                held.Dispose();
                continue;
            }

            held.SetLength(0);
            var pid = Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            held.Write(pid);
            held.Flush(flushToDisk: false);
            return held;
        }
    }

    /// <summary>The pid written in a lock file held by another process, or "(unknown)".</summary>
    private static string ReadOwner(string lockPath)
    {
        try
        {
            string text;
            if (OperatingSystem.IsWindows())
            {
                using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                text = reader.ReadToEnd();
            }
            else
            {
                // A FileStream would take a shared flock, which the owner's exclusive one refuses: read it without.
                text = UnixFile.ReadWithoutLock(lockPath);
            }

            text = text.Trim();
            return text.Length > 0 ? text : "(unknown: the lock file is empty)";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return $"(unknown: {exception.Message})";
        }
    }

    /// <summary>Releases the lock, deleting the file while still holding it, so no other host takes the lock of a file about to go.</summary>
    public static void Release(FileStream held, string lockPath)
    {
        try
        {
            File.Delete(lockPath);
        }
        catch (IOException)
        {
            // Left behind: harmless, the next owner takes it (the lock, not the file, says who owns the store).
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }

        held.Dispose();
    }
}
