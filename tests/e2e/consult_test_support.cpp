#include "consult_test_support.h"

#include <stdlib.h>

#include <chrono>
#include <fstream>

#include <nlohmann/json.hpp>

namespace kiosk::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

void ConsultHall::SetUp() {
    std::string pattern = (fs::temp_directory_path() / "consult-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    m_dir = pattern;
    configure("time_zone = \"Asia/Shanghai\"\n");
}

void ConsultHall::TearDown() {
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

ProcessResult ConsultHall::kioskctl(const std::vector<std::string>& arguments) const {
    std::vector<std::string> argv{KIOSKCTL_BINARY, "--data-dir", data_dir().string(), "--config",
                                  (m_dir / "kiosk.toml").string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return run_process(argv, 120s);
}

void ConsultHall::configure(const std::string& toml) const {
    write("kiosk.toml", toml);
}

fs::path ConsultHall::write(const std::string& name, const std::string& bytes) const {
    std::ofstream(m_dir / name, std::ios::binary) << bytes;
    return m_dir / name;
}

std::vector<std::pair<std::string, std::string>> hostile_texts() {
    std::string controls;
    for (char c = 1; c < 0x20; ++c) {
        controls += c;
    }
    controls += '\x7f';
    std::string long_text;
    while (long_text.size() < 10 * 1024) {
        long_text += "长文本 long text, \"quoted\"; ";
    }
    return {
        {"quotes", "\"double\" 'single' `back` \"\" ''"},
        {"sql", "'); DROP TABLE consultation; -- \" OR 1=1; SELECT * FROM callback"},
        {"controls", "a" + controls + "z"},
        {"line_ends", "one\r\ntwo\nthree\rfour"},
        {"csv_and_xml", "a,b;c\td <x>&amp; </t> ]]> =SUM(A1)"},
        {"emoji", "表情 👩‍👩‍👧‍👦 🎉 🇨🇳 ❤️"},
        {"rtl", "مرحبا بالعالم עברית \u202Eoverride\u202C \u200F"},
        {"long", long_text},
    };
}

std::vector<std::vector<std::string>> parse_csv(std::string text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
    }
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool any = false;  // the record has begun
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (quoted) {
            if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') {
                field += '"';
                ++at;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            any = false;
            ++at;
        } else {
            field += c;
            any = true;
        }
    }
    if (any) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t index = 0; index < fields.size(); ++index) {
        line += index > 0 ? "," : "";
        line += '"';
        for (const char c : fields[index]) {
            line += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        line += '"';
    }
    return line + "\r\n";
}

bool have_python() {
    return run_process({"python3", "-c", "import zipfile, xml.etree.ElementTree"}, 60s).exit_code == 0;
}

WorkbookText read_workbook(const fs::path& file) {
    // Excel writes a character XML cannot hold as _xHHHH_; decoded here as Excel reads it.
    static const char* kScript = R"(import json, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
book = zipfile.ZipFile(sys.argv[1])
sheets = [s.get('name') for s in ET.fromstring(book.read('xl/workbook.xml')).iter('{%s}sheet' % ns['m'])]
strings = []
if 'xl/sharedStrings.xml' in book.namelist():
    root = ET.fromstring(book.read('xl/sharedStrings.xml'))
    for si in root.findall('m:si', ns):
        text = ''.join(t.text or '' for t in si.iter('{%s}t' % ns['m']))
        strings.append(re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), text))
cells = []
for index in range(1, len(sheets) + 1):
    sheet = {}
    for c in ET.fromstring(book.read('xl/worksheets/sheet%d.xml' % index)).iter('{%s}c' % ns['m']):
        v = c.find('m:v', ns)
        if v is not None:
            sheet[c.get('r')] = strings[int(v.text)] if c.get('t') == 's' else v.text
    cells.append(sheet)
print(json.dumps({'sheets': sheets, 'strings': strings, 'cells': cells}))
)";
    const ProcessResult result = run_process({"python3", "-c", kScript, file.string()}, 60s);
    EXPECT_EQ(result.exit_code, 0) << "reading " << file << ": " << result;
    WorkbookText text;
    if (result.exit_code != 0) {
        return text;
    }
    const auto json = nlohmann::json::parse(result.out);
    text.sheets = json.at("sheets").get<std::vector<std::string>>();
    text.strings = json.at("strings").get<std::vector<std::string>>();
    text.cells = json.at("cells").get<std::vector<std::map<std::string, std::string>>>();
    return text;
}

}  // namespace kiosk::test
