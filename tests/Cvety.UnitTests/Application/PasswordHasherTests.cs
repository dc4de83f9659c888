using Cvety.Application.Users;

namespace Cvety.UnitTests.Application;

public sealed class when_a_password_is_stored
{
    [Fact]
    public void the_hash_verifies_the_password_and_nothing_else()
    {
        var hash = PasswordHasher.Hash("correct horse battery");
        hash.Should().StartWith("pbkdf2-sha256$").And.NotContain("correct horse battery");
        PasswordHasher.Verify("correct horse battery", hash).Should().BeTrue();
        PasswordHasher.Verify("correct horse batterx", hash).Should().BeFalse();
    }

    [Fact]
    public void the_same_password_hashes_differently_each_time() =>
        PasswordHasher.Hash("same-password").Should().NotBe(PasswordHasher.Hash("same-password"));

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$x$y$z")]
    [InlineData("pbkdf2-sha256$1000$not-base64$also-not")]
    public void a_damaged_hash_never_verifies(string stored) => PasswordHasher.Verify("anything", stored).Should().BeFalse();
}
