using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderOptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderOptOuts", x => new { x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_ReminderOptOuts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The flags become rows before the columns go: a person who had switched a reminder off keeps it off.
            migrationBuilder.Sql("INSERT INTO \"ReminderOptOuts\" (\"UserId\", \"Kind\", \"Since\") SELECT \"Id\", 'certificate-expiry', strftime('%Y-%m-%d %H:%M:%S', 'now') FROM \"AspNetUsers\" WHERE \"RemindCertificateExpiry\" = 0;");
            migrationBuilder.Sql("INSERT INTO \"ReminderOptOuts\" (\"UserId\", \"Kind\", \"Since\") SELECT \"Id\", 'inactivity', strftime('%Y-%m-%d %H:%M:%S', 'now') FROM \"AspNetUsers\" WHERE \"RemindInactivity\" = 0;");
            migrationBuilder.Sql("INSERT INTO \"ReminderOptOuts\" (\"UserId\", \"Kind\", \"Since\") SELECT \"Id\", 'unfinished-attempt', strftime('%Y-%m-%d %H:%M:%S', 'now') FROM \"AspNetUsers\" WHERE \"RemindUnfinishedAttempt\" = 0;");

            migrationBuilder.DropColumn(
                name: "RemindCertificateExpiry",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RemindInactivity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RemindUnfinishedAttempt",
                table: "AspNetUsers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RemindCertificateExpiry",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindInactivity",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindUnfinishedAttempt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"RemindCertificateExpiry\" = 0 WHERE EXISTS (SELECT 1 FROM \"ReminderOptOuts\" o WHERE o.\"UserId\" = \"AspNetUsers\".\"Id\" AND o.\"Kind\" = 'certificate-expiry');");
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"RemindInactivity\" = 0 WHERE EXISTS (SELECT 1 FROM \"ReminderOptOuts\" o WHERE o.\"UserId\" = \"AspNetUsers\".\"Id\" AND o.\"Kind\" = 'inactivity');");
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"RemindUnfinishedAttempt\" = 0 WHERE EXISTS (SELECT 1 FROM \"ReminderOptOuts\" o WHERE o.\"UserId\" = \"AspNetUsers\".\"Id\" AND o.\"Kind\" = 'unfinished-attempt');");

            migrationBuilder.DropTable(
                name: "ReminderOptOuts");
        }
    }
}
