#include "consult_report_text.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <utility>

#include "records/consultation.h"
#include "ui/utf8.h"

namespace kiosk::ctl {
namespace {

// The code points a terminal gives no column: combining marks, zero-width
// spaces and joiners, direction marks, variation selectors.
bool zero_width(char32_t c) {
    static constexpr std::array<std::pair<char32_t, char32_t>, 10> kRanges{{{0x0300, 0x036F},
                                                                            {0x0591, 0x05BD},
                                                                            {0x064B, 0x065F},
                                                                            {0x1AB0, 0x1AFF},
                                                                            {0x200B, 0x200F},
                                                                            {0x202A, 0x202E},
                                                                            {0x2060, 0x2069},
                                                                            {0x20D0, 0x20FF},
                                                                            {0xFE00, 0xFE0F},
                                                                            {0xE0100, 0xE01EF}}};
    return std::any_of(kRanges.begin(), kRanges.end(),
                       [c](const auto& range) { return c >= range.first && c <= range.second; });
}

// East Asian wide and fullwidth characters, and emoji: two columns.
bool wide(char32_t c) {
    static constexpr std::array<std::pair<char32_t, char32_t>, 14> kRanges{{{0x1100, 0x115F},
                                                                            {0x2E80, 0x303E},
                                                                            {0x3041, 0x33FF},
                                                                            {0x3400, 0x4DBF},
                                                                            {0x4E00, 0x9FFF},
                                                                            {0xA000, 0xA4CF},
                                                                            {0xAC00, 0xD7A3},
                                                                            {0xF900, 0xFAFF},
                                                                            {0xFE30, 0xFE4F},
                                                                            {0xFF00, 0xFF60},
                                                                            {0xFFE0, 0xFFE6},
                                                                            {0x1F300, 0x1F64F},
                                                                            {0x1F900, 0x1F9FF},
                                                                            {0x20000, 0x3FFFD}}};
    return std::any_of(kRanges.begin(), kRanges.end(),
                       [c](const auto& range) { return c >= range.first && c <= range.second; });
}

int columns_of(char32_t c) {
    return zero_width(c) ? 0 : wide(c) ? 2 : 1;
}

// A control character's picture (U+2400..U+2421), so a value never breaks a
// table's line or moves the terminal's cursor; other controls as U+FFFD.
char32_t shown(char32_t c) {
    if (c < 0x20) {
        return 0x2400 + c;
    }
    if (c == 0x7F) {
        return 0x2421;
    }
    // C1 controls, and the bidirectional embeddings and overrides that would
    // reorder the rest of a terminal's line.
    if ((c >= 0x80 && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
        return ui::kReplacementCharacter;
    }
    return c;
}

}  // namespace

Outcome check_period(Period& period, bool required) {
    if (required && (period.from.empty() || period.to.empty())) {
        return refuse("give the period with --from and --to (YYYY-MM-DD)");
    }
    if (!period.from.empty()) {
        auto from = scheduler::parse_date(period.from);
        if (!from) {
            return refuse("--from: " + from.error());
        }
        period.first_day = *from;
    }
    if (!period.to.empty()) {
        auto to = scheduler::parse_date(period.to);
        if (!to) {
            return refuse("--to: " + to.error());
        }
        period.last_day = *to;
    }
    if (period.first_day && period.last_day && *period.last_day < *period.first_day) {
        return refuse("--to " + period.to + " is before --from " + period.from);
    }
    return {};
}

namespace {

struct ByName {
    records::ReportBy by;
    const char* name;
    const char* heading_zh;
};

constexpr std::array<ByName, 8> kReportBy{{{records::ReportBy::day, "day", "日期"},
                                           {records::ReportBy::week, "week", "周"},
                                           {records::ReportBy::month, "month", "月份"},
                                           {records::ReportBy::category, "category", "类别"},
                                           {records::ReportBy::topic, "topic", "类别 / 话题"},
                                           {records::ReportBy::zone, "zone", "展区"},
                                           {records::ReportBy::channel, "channel", "渠道"},
                                           {records::ReportBy::rating, "rating", "满意度"}}};

const ByName& by_name(records::ReportBy by) {
    return *std::find_if(kReportBy.begin(), kReportBy.end(),
                         [by](const ByName& entry) { return entry.by == by; });
}

}  // namespace

std::optional<records::ReportBy> parse_report_by(std::string_view text) {
    for (const ByName& entry : kReportBy) {
        if (text == entry.name) {
            return entry.by;
        }
    }
    return std::nullopt;
}

const char* to_string(records::ReportBy by) {
    return by_name(by).name;
}

const char* key_heading_zh(records::ReportBy by) {
    return by_name(by).heading_zh;
}

std::string zone_label(const std::string& zone) {
    if (zone == "boards") {
        return "展板区";
    }
    if (zone == "models") {
        return "模型区";
    }
    if (zone == "av") {
        return "影音阅览区";
    }
    if (zone == "health") {
        return "生殖健康服务区";
    }
    return zone.empty() ? "未注明" : zone;
}

std::string key_label(records::ReportBy by, const std::string& key, const records::Categories& categories) {
    const auto category_label = [&](std::string_view id) {
        const records::Category* category = categories.find(id);
        return category != nullptr ? category->zh : std::string(id);
    };
    switch (by) {
        case records::ReportBy::category:
            return category_label(key);
        case records::ReportBy::topic: {
            const std::size_t slash = key.find('/');
            const std::string topic = slash == std::string::npos ? std::string() : key.substr(slash + 1);
            return category_label(key.substr(0, slash)) + " / " + (topic.empty() ? "未注明" : topic);
        }
        case records::ReportBy::zone:
            return zone_label(key);
        case records::ReportBy::channel:
            return key == "kiosk" ? "自助屏" : key == "desk" ? "服务台" : key;
        case records::ReportBy::rating:
            for (int value = 1; value <= records::kRatingCount; ++value) {
                const auto rating = static_cast<records::Rating>(value);
                if (key == records::rating_key(rating)) {
                    return records::rating_zh(rating);
                }
            }
            return key == "unrated" ? "未评价" : key;
        case records::ReportBy::day:
        case records::ReportBy::week:
        case records::ReportBy::month:
            break;
    }
    return key;
}

int display_width(std::string_view text) {
    int width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const ui::DecodedCodePoint point = ui::decode_utf8(text, at);
        at += point.length;
        width += columns_of(shown(point.code_point));
    }
    return width;
}

std::string visible(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const ui::DecodedCodePoint point = ui::decode_utf8(text, at);
        at += point.length;
        ui::append_utf8(out, shown(point.code_point));
    }
    return out;
}

std::string column(std::string_view text, int columns) {
    const auto pad = [](int count) { return std::string(static_cast<std::size_t>(std::max(0, count)), ' '); };
    std::string whole = visible(text);
    const int width = display_width(whole);
    if (width <= columns) {
        return whole + pad(columns - width);
    }
    // Cut where the rest and an ellipsis fit.
    std::string out;
    int used = 0;
    for (std::size_t at = 0; at < whole.size();) {
        const ui::DecodedCodePoint point = ui::decode_utf8(whole, at);
        const int w = columns_of(point.code_point);
        if (used + w > columns - 1) {
            break;
        }
        out.append(whole, at, point.length);
        at += point.length;
        used += w;
    }
    if (columns > 0) {
        out += "…";
        ++used;
    }
    return out + pad(columns - used);
}

std::string right(std::string_view text, int columns) {
    const int width = display_width(text);
    return std::string(static_cast<std::size_t>(std::max(0, columns - width)), ' ') + std::string(text);
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t index = 0; index < fields.size(); ++index) {
        const std::string& field = fields[index];
        if (index > 0) {
            out += ',';
        }
        if (field.find_first_of(",\"\r\n") == std::string::npos) {
            out += field;
            continue;
        }
        out += '"';
        for (const char c : field) {
            out += c;
            if (c == '"') {
                out += '"';
            }
        }
        out += '"';
    }
    return out + "\r\n";
}

std::string share_text(std::int64_t count, std::int64_t total) {
    if (total <= 0) {
        return "-";
    }
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%",
                  100.0 * static_cast<double>(count) / static_cast<double>(total));
    return text;
}

Outcome write_file(const std::filesystem::path& file, std::string_view text) {
    // Written beside it, then renamed over it: a reader never sees half a report.
    std::filesystem::path part = file;
    part += ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out) {
            return refuse("cannot write " + file.string());
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(part, ignored);
            return refuse("cannot write " + file.string() + " (is the disk full?)");
        }
    }
    std::error_code error;
    std::filesystem::rename(part, file, error);
    if (error) {
        std::filesystem::remove(part, error);
        return refuse("cannot write " + file.string());
    }
    return {};
}

}  // namespace kiosk::ctl
