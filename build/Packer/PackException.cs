using System;

namespace Taazeez.Crm.Packer
{
    /// <summary>The source folder cannot be packed (missing file, malformed XML, missing assembly).</summary>
    public sealed class PackException : Exception
    {
        public PackException(string message) : base(message) { }
        public PackException(string message, Exception inner) : base(message, inner) { }
    }
}
