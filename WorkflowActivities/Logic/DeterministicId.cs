using System;
using System.Security.Cryptography;
using System.Text;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Name-based ids (RFC 4122 version 5 layout): the same event key always yields the same row id,
    /// so a retried step finds the row it already wrote instead of writing a second one.</summary>
    public static class DeterministicId
    {
        // Namespace of the Taazeez idempotency keys (fixed; changing it would duplicate rows of past events).
        private static readonly byte[] NamespaceBytes = new Guid("0b7f3c55-7d1e-4e8a-9a43-5f1b6c2d9e10").ToByteArray();

        public static Guid For(string eventKey)
        {
            if (string.IsNullOrEmpty(eventKey)) throw new ArgumentException("An idempotency key is required.", nameof(eventKey));
            byte[] name = Encoding.UTF8.GetBytes(eventKey);
            byte[] input = new byte[NamespaceBytes.Length + name.Length];
            Buffer.BlockCopy(NamespaceBytes, 0, input, 0, NamespaceBytes.Length);
            Buffer.BlockCopy(name, 0, input, NamespaceBytes.Length, name.Length);
            byte[] hash;
#if NETFRAMEWORK
            using (var sha1 = SHA1.Create()) hash = sha1.ComputeHash(input);
#else
            hash = SHA1.HashData(input); // no hasher object per id
#endif
            byte[] bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (Guid byte order: bytes 6-7 are little-endian)
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        }
    }
}
