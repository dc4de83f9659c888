using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Cvety.Bench;

/// <summary>
/// The webhook senders' HTTP client: each sender has its own keep-alive HTTP/1.1 connection on loopback and does
/// blocking writes and reads from a thread of its own. The load generator shares the two cores with the API and
/// PostgreSQL, and HttpClient's async path costs several thread wake-ups per call (timer, socket event thread,
/// thread pool), which on these VMs is CPU taken from the system under test; a thread blocked in its own read
/// wakes once per answer. Calls are POSTs of JSON bodies; answers may be sized or chunked.
/// </summary>
public sealed class BlockingHttp(Uri address) : IDisposable
{
    private readonly ConcurrentBag<Connection> _idle = [];

    /// <summary>Sends a POST on an idle connection (a new one if none is idle) and returns the status and the body.</summary>
    public (int Status, string Body) Post(string path, string headers, byte[] body)
    {
        if (!_idle.TryTake(out var connection)) connection = new Connection(address);
        try
        {
            var answer = connection.Post(path, headers, body);
            _idle.Add(connection);
            return answer;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }

    private sealed class Connection : IDisposable
    {
        private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        private readonly string _host;
        private byte[] _buffer = new byte[16 * 1024];
        private int _start, _end;

        public Connection(Uri address)
        {
            _socket.Connect(address.Host, address.Port);
            _host = address.Authority;
        }

        public (int Status, string Body) Post(string path, string headers, byte[] body)
        {
            var head = Encoding.ASCII.GetBytes(
                $"POST {path} HTTP/1.1\r\nHost: {_host}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n{headers}\r\n");
            _socket.Send([new ArraySegment<byte>(head), new ArraySegment<byte>(body)]);

            var headEnd = IndexOf("\r\n\r\n"u8);
            var responseHead = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start);
            _start = headEnd + 4;
            var status = int.Parse(responseHead.AsSpan(9, 3), CultureInfo.InvariantCulture);
            var text = new StringBuilder();
            if (Header(responseHead, "Content-Length") is { } length) text.Append(Take(int.Parse(length, CultureInfo.InvariantCulture)));
            else if (Header(responseHead, "Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                while (true)
                {
                    var lineEnd = IndexOf("\r\n"u8);
                    var size = int.Parse(Encoding.ASCII.GetString(_buffer, _start, lineEnd - _start).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _start = lineEnd + 2;
                    text.Append(Take(size));
                    IndexOf("\r\n"u8);
                    _start += 2;
                    if (size == 0) break;
                }
            }
            return (status, text.ToString());
        }

        private static string? Header(string head, string name)
        {
            foreach (var line in head.Split("\r\n"))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
            }
            return null;
        }

        /// <summary>Reads until <paramref name="marker"/> is in the buffer and returns where it starts.</summary>
        private int IndexOf(ReadOnlySpan<byte> marker)
        {
            while (true)
            {
                var at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
                if (at >= 0) return _start + at;
                Receive();
            }
        }

        private string Take(int count)
        {
            while (_end - _start < count) Receive();
            var text = Encoding.UTF8.GetString(_buffer, _start, count);
            _start += count;
            return text;
        }

        private void Receive()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                (_end, _start) = (_end - _start, 0);
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var read = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (read == 0) throw new IOException("The API closed the connection.");
            _end += read;
        }

        public void Dispose() => _socket.Dispose();
    }
}
