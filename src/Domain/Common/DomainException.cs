namespace Cvety.Domain.Common;

/// <summary>A business rule was broken. The API answers 409.</summary>
public class DomainException(string message) : Exception(message);
