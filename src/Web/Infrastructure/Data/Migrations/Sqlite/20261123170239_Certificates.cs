using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CourseCompletions_UserId_CourseId",
                table: "CourseCompletions");

            migrationBuilder.AddColumn<int>(
                name: "MajorVersion",
                table: "Courses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RenewableFrom",
                table: "CourseCompletions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "CourseCompletions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseCompletionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LearnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CourseTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CourseVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CourseMajorVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_AspNetUsers_RevokedByUserId",
                        column: x => x.RevokedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Certificates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Certificates_CourseCompletions_CourseCompletionId",
                        column: x => x.CourseCompletionId,
                        principalTable: "CourseCompletions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Certificates_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_CourseCompletions_UserId_CourseId_Round",
                table: "CourseCompletions",
                columns: new[] { "UserId", "CourseId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CourseCompletionId",
                table: "Certificates",
                column: "CourseCompletionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CourseId",
                table: "Certificates",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RevokedByUserId",
                table: "Certificates",
                column: "RevokedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId",
                table: "Certificates",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_CourseCompletions_UserId_CourseId_Round",
                table: "CourseCompletions");

            migrationBuilder.DropColumn(
                name: "MajorVersion",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "RenewableFrom",
                table: "CourseCompletions");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "CourseCompletions");

            migrationBuilder.CreateIndex(
                name: "IX_CourseCompletions_UserId_CourseId",
                table: "CourseCompletions",
                columns: new[] { "UserId", "CourseId" },
                unique: true);
        }
    }
}
