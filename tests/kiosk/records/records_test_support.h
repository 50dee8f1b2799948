#pragma once
// What the records tests share: a folder of their own for database files,
// the hall's time zone, instants written as the hall's wall time, and the
// hostile texts every text field must keep exactly.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "records/records_store.h"
#include "scheduler/calendar.h"

namespace kiosk::records::test {

class TempFolder {
  public:
    TempFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "records-test-XXXXXX").string();
        m_path = mkdtemp(pattern.data());
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ignored);
        std::filesystem::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// A file never imported before.
inline ImportSource new_file() {
    static int files = 0;
    ++files;
    return ImportSource{"sha256-of-file-" + std::to_string(files), "file-" + std::to_string(files) + ".csv",
                        Instant{}, false};
}

inline const date::time_zone& hall_zone() {
    static const date::time_zone* zone = *scheduler::locate_time_zone("Asia/Shanghai");
    return *zone;
}

// "2026-12-07T10:00" in the hall's zone.
inline Instant hall_time(const std::string& text) {
    auto at = scheduler::parse_local_moment(text, hall_zone());
    EXPECT_TRUE(at.has_value()) << text;
    return at.value_or(Instant{});
}

inline date::year_month_day day(const std::string& text) {
    return *scheduler::parse_date(text);
}

// Quotes, SQL, control characters (no NUL), emoji, right-to-left text, a
// lone CR, CSV's own separators, and a 10 kB string.
inline const std::vector<std::string>& hostile_texts() {
    static const std::vector<std::string> texts{"\"quoted\" and 'single'",
                                                "'; DROP TABLE consultation; --",
                                                "Robert'); DELETE FROM rating WHERE (1=1",
                                                "tab\there\x01\x02\x1f\x7f bell\a",
                                                "line one\nline two\r\nline three\rend",
                                                "emoji 😀👨‍👩‍👧 and 𠀋 beyond the BMP",
                                                "\u202Eright-to-left override\u202C and עברית and العربية",
                                                "comma, \"quote\", and ,,, ;;;",
                                                "   leading and trailing spaces   ",
                                                "%s %n %d {} {0} \\ \\\\ $(rm -rf /)",
                                                std::string(10 * 1024, 'x') + "末尾"};
    return texts;
}

inline std::unique_ptr<RecordsStore> open_store(const std::filesystem::path& file,
                                                RecordsStoreOptions options = {}) {
    auto store = open_records_store(file, Categories{}, hall_zone(), options);
    EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
    return store ? std::move(*store) : nullptr;
}

inline NewConsultation request(Instant at, std::string category = "legal-aid",
                               Channel channel = Channel::kiosk) {
    NewConsultation consultation;
    consultation.at = at;
    consultation.category = std::move(category);
    consultation.channel = channel;
    consultation.zone = "zone-a";
    return consultation;
}

}  // namespace kiosk::records::test
