namespace Training.Courses.Catalog;

/// <summary>A course as a choice in a form or filter.</summary>
public sealed record CourseChoice(int Id, string Title);
