namespace Cvety.Application.Content;

/// <summary>
/// A question and answer of a shop, in Russian and, where the shop fills it, Kazakh. Shop content, not a person's
/// data: a document whose changes record who made them; deleting it is a soft delete (Marten keeps the row, flagged).
/// </summary>
public sealed class Faq
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public string? QuestionKk { get; set; }
    public string? AnswerKk { get; set; }
    public string? Category { get; set; }
    public int Position { get; set; }
    public bool Published { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A static page of a shop (delivery terms, about us), by slug, in Russian and optionally Kazakh.</summary>
public sealed class Page
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? TitleKk { get; set; }
    public string? ContentKk { get; set; }
    public bool Published { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What the public reads: the shop's language of choice where it is filled, Russian otherwise.</summary>
public sealed record FaqView(Guid Id, string Question, string Answer, string? Category, int Position, string Language)
{
    public static FaqView Of(Faq f, string? lang) => lang == "kk" && !string.IsNullOrWhiteSpace(f.QuestionKk) && !string.IsNullOrWhiteSpace(f.AnswerKk)
        ? new(f.Id, f.QuestionKk, f.AnswerKk, f.Category, f.Position, "kk")
        : new(f.Id, f.Question, f.Answer, f.Category, f.Position, "ru");
}

public sealed record PageView(Guid Id, string Slug, string Title, string Content, string Language, DateTimeOffset UpdatedAt)
{
    public static PageView Of(Page p, string? lang) => lang == "kk" && !string.IsNullOrWhiteSpace(p.TitleKk) && !string.IsNullOrWhiteSpace(p.ContentKk)
        ? new(p.Id, p.Slug, p.TitleKk, p.ContentKk, "kk", p.UpdatedAt)
        : new(p.Id, p.Slug, p.Title, p.Content, "ru", p.UpdatedAt);
}
