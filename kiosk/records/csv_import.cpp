// The desk's earlier logs read from CSV as RFC 4180 writes it (and as Excel
// saves it): fields in double quotes may hold commas, doubled quotes and line
// breaks; rows end in CR LF or LF. A row's line is the line it starts on, as
// an editor shows it, so staff can find every bad row at once.

#include "records/csv_import.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "content/message_text.h"
#include "records/record_text.h"
#include "scheduler/calendar.h"

namespace kiosk::records {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

enum class Column { at, category, topic, zone, channel, note };
constexpr std::array<std::pair<std::string_view, Column>, 6> kColumns{{{"at", Column::at},
                                                                       {"category", Column::category},
                                                                       {"topic", Column::topic},
                                                                       {"zone", Column::zone},
                                                                       {"channel", Column::channel},
                                                                       {"note", Column::note}}};

struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
    std::string malformed;  // why the quoting is wrong, when it is
};

// Reads one row at a time; knows quoting and line breaks, nothing of columns.
class CsvReader {
  public:
    explicit CsvReader(std::string_view text) : m_text(text) {}

    // False at the end of the text.
    bool next(CsvRow& row) {
        if (m_pos >= m_text.size()) {
            return false;
        }
        row.line = m_line;
        row.fields.clear();
        row.malformed.clear();
        enum class State { field_start, unquoted, quoted, after_quote } state = State::field_start;
        std::string field;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (state == State::quoted) {
                if (c == '"') {
                    state = State::after_quote;
                } else {
                    m_line += c == '\n' ? 1 : 0;
                    field += c;
                }
                continue;
            }
            if (c == ',') {
                row.fields.push_back(std::move(field));
                field.clear();
                state = State::field_start;
                continue;
            }
            if (c == '\n' || c == '\r') {
                // CR LF, LF, or a lone CR: one line break.
                if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') {
                    ++m_pos;
                }
                ++m_line;
                break;
            }
            if (c == '"') {
                if (state == State::field_start) {
                    state = State::quoted;
                    continue;
                }
                if (state == State::after_quote) {  // a doubled quote stands for one
                    field += '"';
                    state = State::quoted;
                    continue;
                }
                note_malformed(row, "a double quote inside a field that does not start with one");
            } else if (state == State::after_quote) {
                note_malformed(row, "text after a field's closing quote");
            }
            field += c;
            if (state != State::after_quote) {
                state = State::unquoted;
            }
        }
        if (state == State::quoted) {
            note_malformed(row, "a quoted field is not closed before the end of the file");
        }
        row.fields.push_back(std::move(field));
        return true;
    }

  private:
    static void note_malformed(CsvRow& row, const char* why) {
        if (row.malformed.empty()) {
            row.malformed = why;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
};

bool is_blank(const CsvRow& row) {
    return row.fields.size() == 1 && row.fields.front().empty() && row.malformed.empty();
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

int line_of(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// The header's columns in file order, or the problems with it.
tl::expected<std::vector<Column>, std::vector<ImportProblem>> read_header(const CsvRow& header) {
    std::vector<ImportProblem> problems;
    std::vector<Column> columns;
    if (!header.malformed.empty()) {
        problems.push_back({header.line, "the header row: " + header.malformed});
    }
    for (const std::string& field : header.fields) {
        std::string name(trimmed(field));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
        const auto known =
            std::find_if(kColumns.begin(), kColumns.end(), [&](const auto& c) { return c.first == name; });
        if (known == kColumns.end()) {
            problems.push_back(
                {header.line, "unknown column " + content::quoted_text(field) +
                                  "; the columns are at, category, topic, zone, channel, note"});
        } else if (std::find(columns.begin(), columns.end(), known->second) != columns.end()) {
            problems.push_back({header.line, "the column " + name + " is named twice"});
        } else {
            columns.push_back(known->second);
        }
    }
    for (const Column required : {Column::at, Column::category}) {
        if (std::find(columns.begin(), columns.end(), required) == columns.end()) {
            problems.push_back({header.line, std::string("the header names no ") +
                                                 (required == Column::at ? "at" : "category") +
                                                 " column (the header row names the columns: "
                                                 "at,category,topic,zone,channel,note)"});
        }
    }
    if (!problems.empty()) {
        return tl::unexpected(std::move(problems));
    }
    return columns;
}

// One row as a consultation, or its problems added to `problems`.
std::optional<ImportRow> read_row(CsvRow& row, const std::vector<Column>& columns,
                                  const Categories& categories, const date::time_zone& tz,
                                  std::vector<ImportProblem>& problems) {
    if (!row.malformed.empty()) {
        problems.push_back({row.line, row.malformed});
        return std::nullopt;
    }
    if (row.fields.size() != columns.size()) {
        problems.push_back({row.line, "has " + std::to_string(row.fields.size()) +
                                          " fields; the header names " + std::to_string(columns.size())});
        return std::nullopt;
    }
    const std::size_t before = problems.size();
    ImportRow imported;
    imported.line = row.line;
    NewConsultation& consultation = imported.consultation;
    consultation.channel = Channel::desk;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        std::string& field = row.fields[i];
        switch (columns[i]) {
            case Column::at: {
                const std::string_view text = trimmed(field);
                if (text.empty()) {
                    problems.push_back({row.line, "at is empty; write the time as 2026-12-07T10:00"});
                } else if (auto at = scheduler::parse_local_moment(text, tz)) {
                    consultation.at = *at;
                } else {
                    problems.push_back({row.line, "at " + content::quoted_text(text) + ": " + at.error()});
                }
                break;
            }
            case Column::category:
                consultation.category = std::string(trimmed(field));
                if (!categories.find(consultation.category)) {
                    problems.push_back({row.line, "unknown category " + content::quoted_text(field) +
                                                      "; valid ids: " + categories.ids_text()});
                }
                break;
            case Column::channel:
                if (const std::string_view text = trimmed(field); !text.empty()) {
                    if (auto channel = parse_channel(text)) {
                        consultation.channel = *channel;
                    } else {
                        problems.push_back({row.line, "unknown channel " + content::quoted_text(field) +
                                                          "; valid: kiosk, desk"});
                    }
                }
                break;
            case Column::topic:
                consultation.topic = std::move(field);
                break;
            case Column::zone:
                consultation.zone = std::move(field);
                break;
            case Column::note:
                consultation.note = std::move(field);
                break;
        }
    }
    for (const auto& [what, text] : {std::pair<const char*, const std::string&>{"topic", consultation.topic},
                                     {"zone", consultation.zone},
                                     {"note", consultation.note}}) {
        if (auto problem = detail::text_problem(what, text)) {
            problems.push_back({row.line, *problem});
        }
    }
    if (problems.size() != before) {
        return std::nullopt;
    }
    return imported;
}

}  // namespace

tl::expected<std::vector<ImportRow>, std::vector<ImportProblem>> read_consultation_csv(
    std::string_view bytes, const Categories& categories, const date::time_zone& tz) {
    // Bytes that are not text refuse the whole file: no row could be trusted.
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        return tl::unexpected(std::vector<ImportProblem>{
            {line_of(bytes, nul), "contains a NUL character: save the file as UTF-8 text"}});
    }
    if (const auto bad = detail::invalid_utf8_at(bytes)) {
        return tl::unexpected(std::vector<ImportProblem>{
            {line_of(bytes, *bad), "is not valid UTF-8 (byte " + std::to_string(*bad) +
                                       "): save the file as UTF-8 (\"CSV UTF-8\" in Excel)"}});
    }
    if (bytes.substr(0, kBom.size()) == kBom) {
        bytes.remove_prefix(kBom.size());
    }
    CsvReader reader(bytes);
    CsvRow row;
    if (!reader.next(row) || is_blank(row)) {
        return tl::unexpected(std::vector<ImportProblem>{
            {1, "no header row: the first row names the columns, at,category,topic,zone,channel,note"}});
    }
    auto columns = read_header(row);
    if (!columns) {
        return tl::unexpected(std::move(columns.error()));
    }
    std::vector<ImportRow> rows;
    std::vector<ImportProblem> problems;
    while (reader.next(row)) {
        if (is_blank(row)) {
            continue;
        }
        if (auto imported = read_row(row, *columns, categories, tz, problems); imported && problems.empty()) {
            rows.push_back(std::move(*imported));
        }
    }
    if (!problems.empty()) {
        return tl::unexpected(std::move(problems));
    }
    return rows;
}

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace kiosk::records
