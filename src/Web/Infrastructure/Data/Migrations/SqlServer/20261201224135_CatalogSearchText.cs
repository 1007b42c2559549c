using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CatalogSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Courses",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            // The search text is folded in C# (SearchText.Normalise), which SQL cannot do: forget every course's
            // content hash so the import at the next start rewrites each course, its search text included (and
            // re-renders module HTML with the heading ids that cannot collide with the page's own).
            migrationBuilder.Sql("UPDATE [Courses] SET [ContentHash] = N'';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Courses");
        }
    }
}
