using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CourseTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "QuizAttempts",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Attempts before translations were all taken in their course's own language.
            migrationBuilder.Sql("UPDATE [QuizAttempts] SET [Language] = (SELECT c.[Language] FROM [Quizzes] q JOIN [Courses] c ON c.[Id] = q.[CourseId] WHERE q.[Id] = [QuizAttempts].[QuizId]);");

            migrationBuilder.AddColumn<int>(
                name: "QuizTranslationId",
                table: "QuizAttempts",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CourseTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseTranslations_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModuleTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ModuleVersionId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Objectives = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Html = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TableOfContents = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModuleTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModuleTranslations_ModuleVersions_ModuleVersionId",
                        column: x => x.ModuleVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    QuizVersionId = table.Column<int>(type: "int", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizTranslations_QuizVersions_QuizVersionId",
                        column: x => x.QuizVersionId,
                        principalTable: "QuizVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GlossaryTermTranslation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CourseTranslationId = table.Column<int>(type: "int", nullable: false),
                    OriginalTerm = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Term = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Anchor = table.Column<string>(type: "nvarchar(250)", maxLength: 250, nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryTermTranslation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GlossaryTermTranslation_CourseTranslations_CourseTranslationId",
                        column: x => x.CourseTranslationId,
                        principalTable: "CourseTranslations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_QuizTranslationId",
                table: "QuizAttempts",
                column: "QuizTranslationId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseTranslations_CourseId_Language",
                table: "CourseTranslations",
                columns: new[] { "CourseId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryTermTranslation_CourseTranslationId",
                table: "GlossaryTermTranslation",
                column: "CourseTranslationId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleTranslations_ModuleVersionId_Language",
                table: "ModuleTranslations",
                columns: new[] { "ModuleVersionId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizTranslations_QuizVersionId_Language_ContentHash",
                table: "QuizTranslations",
                columns: new[] { "QuizVersionId", "Language", "ContentHash" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_QuizAttempts_QuizTranslations_QuizTranslationId",
                table: "QuizAttempts",
                column: "QuizTranslationId",
                principalTable: "QuizTranslations",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_QuizAttempts_QuizTranslations_QuizTranslationId",
                table: "QuizAttempts");

            migrationBuilder.DropTable(
                name: "GlossaryTermTranslation");

            migrationBuilder.DropTable(
                name: "ModuleTranslations");

            migrationBuilder.DropTable(
                name: "QuizTranslations");

            migrationBuilder.DropTable(
                name: "CourseTranslations");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_QuizTranslationId",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "QuizTranslationId",
                table: "QuizAttempts");
        }
    }
}
