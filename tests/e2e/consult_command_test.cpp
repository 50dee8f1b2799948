// kioskctl consult, run as staff run it: add, list, show, close, import and
// purge on a real records database in a temporary data directory. Judged by
// exit status, standard output and error, and the JSON kioskctl prints.
#include <chrono>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "consult_test_support.h"
#include "records/records_store.h"
#include "scheduler/calendar.h"

namespace kiosk::test {
namespace {

using json = nlohmann::json;

const std::vector<std::string> kCategoryIds{
    "policy",           "legal-aid",      "employment",        "school-enrolment",    "residence-permit",
    "business-licence", "housing-rental", "dispute-mediation", "reproductive-health", "health-screening"};

class ConsultCommand : public ConsultHall {
  protected:
    // consult add ARGUMENTS, which must succeed; its id.
    std::int64_t add(const std::vector<std::string>& arguments) {
        std::vector<std::string> command{"consult", "add"};
        command.insert(command.end(), arguments.begin(), arguments.end());
        const ProcessResult result = kioskctl(command);
        EXPECT_EQ(result.exit_code, 0) << result;
        EXPECT_TRUE(std::regex_match(result.out, std::regex("[0-9]+\n"))) << "the id alone: " << result.out;
        return result.exit_code == 0 ? std::stoll(result.out) : -1;
    }

    json list(const std::vector<std::string>& filters = {}) {
        std::vector<std::string> command{"consult", "list", "--json"};
        command.insert(command.end(), filters.begin(), filters.end());
        const ProcessResult result = kioskctl(command);
        EXPECT_EQ(result.exit_code, 0) << result;
        return result.exit_code == 0 ? json::parse(result.out) : json::array();
    }

    json show(std::int64_t id) {
        const ProcessResult result = kioskctl({"consult", "show", std::to_string(id), "--json"});
        EXPECT_EQ(result.exit_code, 0) << result;
        return result.exit_code == 0 ? json::parse(result.out) : json::object();
    }

    static std::vector<std::int64_t> ids(const json& rows) {
        std::vector<std::int64_t> found;
        for (const json& row : rows) {
            found.push_back(row.at("id").get<std::int64_t>());
        }
        return found;
    }
};

// Columns a terminal gives `text`: Chinese two, the rest one.
int columns_of(const std::string& text) {
    int width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        width += length == 3 && lead >= 0xE3 && lead <= 0xE9 ? 2 : 1;  // U+3000..U+9FFF
        at += length;
    }
    return width;
}

TEST_F(ConsultCommand, AddPrintsTheIdAloneAndListShowsTheRow) {
    const std::int64_t first = add({"--category", "legal-aid", "--topic", "劳动争议", "--zone", "av",
                                    "--note", "referred to the lawyer", "--at", "2026-12-07T10:00"});
    const std::int64_t second = add({"--category", "policy"});
    EXPECT_GT(second, first);
    const json rows = list();
    ASSERT_EQ(rows.size(), 2U) << rows.dump(2);
    const json& row = rows[0];
    EXPECT_EQ(row.at("id"), first);
    EXPECT_EQ(row.at("at"), "2026-12-07T10:00:00+08:00");
    EXPECT_EQ(row.at("category"), "legal-aid");
    EXPECT_EQ(row.at("topic"), "劳动争议");
    EXPECT_EQ(row.at("zone"), "av");
    EXPECT_EQ(row.at("channel"), "desk") << "logged at the desk";
    EXPECT_EQ(row.at("note"), "referred to the lawyer");
    EXPECT_EQ(row.at("status"), "open");
    EXPECT_FALSE(row.contains("phone")) << "a list never carries a phone number";
    EXPECT_EQ(rows[1].at("zone"), "");
}

TEST_F(ConsultCommand, AnUnknownCategoryIsRefusedWithTheValidIds) {
    const ProcessResult result = kioskctl({"consult", "add", "--category", "tax-advice"});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_EQ(result.out, "");
    for (const std::string& id : kCategoryIds) {
        EXPECT_NE(result.err.find(id), std::string::npos) << id << " in: " << result.err;
    }
    EXPECT_TRUE(list().empty()) << "nothing is logged";
}

TEST_F(ConsultCommand, ABadZoneTimeOrCommandLineIsRefused) {
    const ProcessResult zone = kioskctl({"consult", "add", "--category", "policy", "--zone", "lobby"});
    EXPECT_EQ(zone.exit_code, 1) << zone;
    EXPECT_NE(zone.err.find("boards, models, av, health"), std::string::npos) << zone;
    const ProcessResult at = kioskctl({"consult", "add", "--category", "policy", "--at", "yesterday"});
    EXPECT_EQ(at.exit_code, 1) << at;
    EXPECT_NE(at.err.find("--at"), std::string::npos) << at;
    const ProcessResult missing = kioskctl({"consult", "add", "--zone", "av"});
    EXPECT_EQ(missing.exit_code, 2) << missing;
    EXPECT_TRUE(list().empty());
}

// --at is a wall time of the hall's time zone, and the row says the offset.
TEST_F(ConsultCommand, TheTimeIsTheHallsLocalTime) {
    configure("time_zone = \"Europe/London\"\n");
    const std::int64_t winter = add({"--category", "policy", "--at", "2026-12-07T10:00"});
    const std::int64_t summer = add({"--category", "policy", "--at", "2026-07-07 10:00"});
    EXPECT_EQ(show(winter).at("at"), "2026-12-07T10:00:00+00:00");
    EXPECT_EQ(show(summer).at("at"), "2026-07-07T10:00:00+01:00");
    // Without --at: now.
    const auto before = std::chrono::system_clock::now();
    const std::int64_t now = add({"--category", "policy"});
    const std::string at = show(now).at("at");
    const auto today = date::floor<date::days>(before);
    EXPECT_TRUE(at.starts_with(date::format("%F", today)) ||
                at.starts_with(date::format("%F", today + date::days{1})))
        << at;
}

TEST_F(ConsultCommand, ListFiltersByPeriodZoneAndCategory) {
    const std::int64_t a = add({"--category", "policy", "--zone", "av", "--at", "2026-11-30T23:59"});
    const std::int64_t b = add({"--category", "employment", "--zone", "av", "--at", "2026-12-01T00:00"});
    const std::int64_t c = add({"--category", "policy", "--zone", "health", "--at", "2026-12-31T18:00"});
    const std::int64_t d = add({"--category", "policy", "--at", "2027-01-01T09:00"});
    EXPECT_EQ(ids(list()), (std::vector<std::int64_t>{a, b, c, d}));
    EXPECT_EQ(ids(list({"--from", "2026-12-01", "--to", "2026-12-31"})), (std::vector<std::int64_t>{b, c}));
    EXPECT_EQ(ids(list({"--from", "2026-12-31"})), (std::vector<std::int64_t>{c, d}));
    EXPECT_EQ(ids(list({"--to", "2026-11-30"})), (std::vector<std::int64_t>{a}));
    EXPECT_EQ(ids(list({"--zone", "av"})), (std::vector<std::int64_t>{a, b}));
    EXPECT_EQ(ids(list({"--category", "policy", "--zone", "health"})), (std::vector<std::int64_t>{c}));

    const ProcessResult backwards =
        kioskctl({"consult", "list", "--from", "2026-12-31", "--to", "2026-12-01"});
    EXPECT_EQ(backwards.exit_code, 1) << backwards;
    EXPECT_NE(backwards.err.find("before"), std::string::npos) << backwards;
    const ProcessResult bad_date = kioskctl({"consult", "list", "--from", "2026-02-30"});
    EXPECT_EQ(bad_date.exit_code, 1) << bad_date;
    const ProcessResult bad_category = kioskctl({"consult", "list", "--category", "nope"});
    EXPECT_EQ(bad_category.exit_code, 1) << bad_category;
}

// Chinese takes two columns of a terminal: the table pads by columns, so
// every row's zone starts under the heading ZONE.
TEST_F(ConsultCommand, TheTableLinesUpWithChinese) {
    add({"--category", "reproductive-health", "--topic", "孕前检查", "--zone", "health", "--note", "复查"});
    add({"--category", "policy", "--topic", "x", "--zone", "av"});
    add({"--category", "legal-aid", "--topic", "一个很长很长很长很长很长很长很长的话题", "--zone", "models"});
    const ProcessResult result = kioskctl({"consult", "list"});
    ASSERT_EQ(result.exit_code, 0) << result;
    std::vector<std::string> lines;
    std::istringstream text(result.out);
    for (std::string line; std::getline(text, line);) {
        lines.push_back(line);
    }
    ASSERT_GE(lines.size(), 4U) << result.out;
    const std::string& heading = lines[0];
    const int zone_column = columns_of(heading.substr(0, heading.find("ZONE")));
    for (const std::string zone : {"health", "av", "models"}) {
        const auto row = std::find_if(lines.begin() + 1, lines.end(), [&](const std::string& line) {
            return line.find(" " + zone + " ") != std::string::npos;
        });
        ASSERT_NE(row, lines.end()) << zone << " in:\n" << result.out;
        EXPECT_EQ(columns_of(row->substr(0, row->find(" " + zone + " ") + 1)), zone_column) << result.out;
    }
}

TEST_F(ConsultCommand, ShowAndCloseAConsultation) {
    const std::int64_t id =
        add({"--category", "housing-rental", "--topic", "公租房", "--note", "asked about rent"});
    const ProcessResult text = kioskctl({"consult", "show", std::to_string(id)});
    EXPECT_EQ(text.exit_code, 0) << text;
    EXPECT_NE(text.out.find("房屋租赁"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("公租房"), std::string::npos) << text.out;

    const ProcessResult closed =
        kioskctl({"consult", "close", std::to_string(id), "--note", "form handed over"});
    EXPECT_EQ(closed.exit_code, 0) << closed;
    const json row = show(id);
    EXPECT_EQ(row.at("status"), "closed");
    EXPECT_EQ(row.at("closing_note"), "form handed over");
    EXPECT_TRUE(row.at("closed_at").is_string()) << row.dump(2);
    EXPECT_EQ(row.at("callback"), false);

    const ProcessResult again = kioskctl({"consult", "close", std::to_string(id)});
    EXPECT_EQ(again.exit_code, 1) << again;
    EXPECT_NE(again.err.find("already closed"), std::string::npos) << again;
    for (const std::string missing : {"999", "0", "-1", "abc", "1x", "99999999999999999999"}) {
        const ProcessResult shown = kioskctl({"consult", "show", missing});
        EXPECT_EQ(shown.exit_code, 1) << missing << ": " << shown;
        const ProcessResult closing = kioskctl({"consult", "close", missing});
        EXPECT_EQ(closing.exit_code, 1) << missing << ": " << closing;
    }
    EXPECT_EQ(kioskctl({"consult", "close"}).exit_code, 2);
}

TEST_F(ConsultCommand, AFreshDataDirectoryListsNothing) {
    const ProcessResult result = kioskctl({"consult", "list", "--json"});
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_EQ(json::parse(result.out), json::array());
    EXPECT_TRUE(std::filesystem::exists(data_dir() / "records.db"));
}

// A renamed category keeps its id; the table shows the hall's name.
TEST_F(ConsultCommand, TheConfigurationRenamesCategories) {
    configure(
        "time_zone = \"Asia/Shanghai\"\n[[consultation.category]]\nid = \"legal-aid\"\nzh = \"法律服务\"\n");
    const std::int64_t id = add({"--category", "legal-aid"});
    EXPECT_EQ(show(id).at("category"), "legal-aid");
    const ProcessResult table = kioskctl({"consult", "list"});
    EXPECT_NE(table.out.find("法律服务"), std::string::npos) << table.out;
    configure("[[consultation.category]]\nid = \"tax\"\n");
    const ProcessResult refused = kioskctl({"consult", "list"});
    EXPECT_EQ(refused.exit_code, 2) << refused;
    EXPECT_NE(refused.err.find("policy, legal-aid"), std::string::npos) << refused;
}

TEST_F(ConsultCommand, ImportIsAllOrNothingAndNamesEveryBadLine) {
    const std::string header = "at,category,topic,zone,channel,note\r\n";
    // Line 3's note spans two lines: the lines after it count them.
    const std::string bad = header + "2026-12-01T09:00,policy,社保,av,desk,fine\r\n" +
                            "2026-12-01T09:05,policy,,av,kiosk,\"two\r\nlines\"\r\n" +
                            "2026-12-01T09:10,tax-advice,,av,desk,\r\n" +  // line 5
                            "not a time,policy,,av,desk,\r\n" +            // line 6
                            "2026-12-01T09:20,policy,,av,desk\r\n" +       // line 7
                            "2026-12-01T09:25,policy,,av,by-post,\r\n" +   // line 8
                            "2026-12-01T09:30,employment,,boards,desk,still fine\r\n";
    const auto file = write("bad.csv", bad);
    const ProcessResult refused = kioskctl({"consult", "import", file.string()});
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_EQ(refused.out, "");
    for (const int line : {5, 6, 7, 8}) {
        const std::string place = file.string() + ":" + std::to_string(line) + ": ";
        EXPECT_NE(refused.err.find(place), std::string::npos) << place << " in:\n" << refused.err;
    }
    for (const int line : {2, 3, 4, 9}) {
        const std::string place = file.string() + ":" + std::to_string(line) + ": ";
        EXPECT_EQ(refused.err.find(place), std::string::npos) << place << " in:\n" << refused.err;
    }
    EXPECT_TRUE(list().empty()) << "nothing imported";

    const auto zone = write("zone.csv", header + "2026-12-01T09:00,policy,,lobby,desk,\r\n");
    const ProcessResult unknown_zone = kioskctl({"consult", "import", zone.string()});
    EXPECT_EQ(unknown_zone.exit_code, 1) << unknown_zone;
    EXPECT_NE(unknown_zone.err.find(zone.string() + ":2: "), std::string::npos) << unknown_zone;

    // With a BOM, as Excel saves "CSV UTF-8"; columns in any order.
    const auto good = write("good.csv",
                            "\xEF\xBB\xBFnote,category,at\r\nfirst,policy,2026-12-01T09:00\r\n"
                            "\"sec,ond\",legal-aid,2026-12-02T10:00\r\n");
    const ProcessResult imported = kioskctl({"consult", "import", good.string()});
    EXPECT_EQ(imported.exit_code, 0) << imported;
    EXPECT_EQ(imported.out, "2\n");
    const json rows = list();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[1].at("note"), "sec,ond");
    EXPECT_EQ(rows[1].at("at"), "2026-12-02T10:00:00+08:00");

    // The same file twice would count its consultations twice.
    const ProcessResult repeated = kioskctl({"consult", "import", good.string()});
    EXPECT_EQ(repeated.exit_code, 1) << repeated;
    EXPECT_NE(repeated.err.find("imported already"), std::string::npos) << repeated;
    EXPECT_EQ(list().size(), 2U) << "nothing imported";
    const ProcessResult again = kioskctl({"consult", "import", "--again", good.string()});
    EXPECT_EQ(again.exit_code, 0) << again;
    EXPECT_EQ(list().size(), 4U);

    const ProcessResult absent = kioskctl({"consult", "import", (m_dir / "absent.csv").string()});
    EXPECT_EQ(absent.exit_code, 1) << absent;
    EXPECT_EQ(kioskctl({"consult", "import"}).exit_code, 2);
}

// Call-back numbers are kept callback_retention_days after consent, then
// purged; the request itself stays. The kiosk records them: here the
// records library writes them as the kiosk would.
TEST_F(ConsultCommand, PurgeDeletesCallBackNumbersPastTheirKeepingTime) {
    configure("time_zone = \"Asia/Shanghai\"\n[consultation]\ncallback_retention_days = 30\n");
    const auto tz = scheduler::locate_time_zone("Asia/Shanghai");
    ASSERT_TRUE(tz);
    std::int64_t old_id = 0;
    std::int64_t recent_id = 0;
    {
        std::filesystem::create_directories(data_dir());
        auto store =
            records::open_records_store(records::records_file(data_dir()), records::Categories(), **tz);
        ASSERT_TRUE(store) << store.error().message;
        const auto now =
            std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
        for (const auto& [days, phone, id] :
             {std::tuple{40, "13812345678", &old_id}, std::tuple{5, "13900001111", &recent_id}}) {
            records::NewConsultation request;
            request.at = now - date::days{days};
            request.category = "employment";
            request.zone = "boards";
            request.callback = records::CallbackRequest{phone, request.at};
            auto committed = (*store)->add(request);
            ASSERT_TRUE(committed) << committed.error().message;
            *id = committed->id;
        }
    }
    const ProcessResult listed = kioskctl({"consult", "list", "--json"});
    EXPECT_EQ(listed.out.find("13812345678"), std::string::npos) << "lists never show numbers";
    EXPECT_EQ(show(old_id).at("phone"), "13812345678") << "shown while kept";

    const ProcessResult purged = kioskctl({"consult", "purge"});
    EXPECT_EQ(purged.exit_code, 0) << purged;
    EXPECT_EQ(purged.out, "1\n");
    const json old_row = show(old_id);
    EXPECT_TRUE(old_row.at("phone").is_null()) << old_row.dump(2);
    EXPECT_EQ(old_row.at("callback"), true) << "the request is still known";
    EXPECT_EQ(show(recent_id).at("phone"), "13900001111");
    const ProcessResult text = kioskctl({"consult", "show", std::to_string(old_id)});
    EXPECT_EQ(text.out.find("13812345678"), std::string::npos) << text.out;

    const ProcessResult again = kioskctl({"consult", "purge"});
    EXPECT_EQ(again.out, "0\n") << again;
}

// Standard output made for a terminal holds no control character but the line end.
void expect_no_controls(const std::string& text, const std::string& what) {
    const auto control = std::find_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
    });
    EXPECT_EQ(control, text.end()) << what << ": a raw control character at byte "
                                   << (control - text.begin());
}

// Hostile text in every text field of add comes back exactly from list and
// show; the terminal forms stay one line per field.
TEST_F(ConsultCommand, HostileTextRoundTripsThroughAddListAndShow) {
    std::vector<std::pair<std::int64_t, std::string>> added;
    for (const auto& [name, text] : hostile_texts()) {
        added.emplace_back(add({"--category", "dispute-mediation", "--topic", text, "--note", text}), name);
    }
    const json rows = list();
    ASSERT_EQ(rows.size(), added.size());
    const auto texts = hostile_texts();
    for (std::size_t index = 0; index < texts.size(); ++index) {
        const auto& [name, text] = texts[index];
        EXPECT_EQ(rows[index].at("topic"), text) << name;
        EXPECT_EQ(rows[index].at("note"), text) << name;
        const json row = show(added[index].first);
        EXPECT_EQ(row.at("topic"), text) << name;
        EXPECT_EQ(row.at("note"), text) << name;
        const ProcessResult shown = kioskctl({"consult", "show", std::to_string(added[index].first)});
        EXPECT_EQ(shown.exit_code, 0) << name << ": " << shown;
        expect_no_controls(shown.out, "show " + name);
    }
    const ProcessResult table = kioskctl({"consult", "list"});
    EXPECT_EQ(table.exit_code, 0) << table;
    expect_no_controls(table.out, "list");
    // One line per consultation, the heading and the count.
    EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), static_cast<long>(texts.size()) + 2);
    // A hostile zone is no zone.
    for (const auto& [name, text] : texts) {
        EXPECT_EQ(kioskctl({"consult", "add", "--category", "policy", "--zone", text}).exit_code, 1) << name;
    }
}

TEST_F(ConsultCommand, HostileTextRoundTripsThroughImport) {
    std::string file = "at,category,topic,zone,channel,note\r\n";
    const auto texts = hostile_texts();
    for (const auto& [name, text] : texts) {
        file += csv_line({"2026-12-03T11:00", "health-screening", text, "health", "kiosk", text});
    }
    const ProcessResult imported = kioskctl({"consult", "import", write("hostile.csv", file).string()});
    ASSERT_EQ(imported.exit_code, 0) << imported;
    EXPECT_EQ(imported.out, std::to_string(texts.size()) + "\n");
    const json rows = list();
    ASSERT_EQ(rows.size(), texts.size());
    for (std::size_t index = 0; index < texts.size(); ++index) {
        EXPECT_EQ(rows[index].at("topic"), texts[index].second) << texts[index].first;
        EXPECT_EQ(rows[index].at("note"), texts[index].second) << texts[index].first;
        EXPECT_EQ(rows[index].at("channel"), "kiosk");
    }
}

}  // namespace
}  // namespace kiosk::test
