#pragma once
// Shared by the package tests: a package directory of their own, a valid
// manifest to break one field at a time, and ways to find a problem.

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "content/package_check.h"

namespace content::test {

// A valid manifest; tests change one field at a time and expect the problem
// at that field's line. Line numbers are those of this text (line 1 is "{").
inline constexpr std::string_view kValidManifest = R"({
  "format": "pcw-content/1",
  "package": {
    "id": "district-sample",
    "version": "2026.11.28",
    "title": {"zh": "示例内容", "en": "Sample content"},
    "sample": true
  },
  "zones": [
    {
      "id": "boards",
      "title": {"zh": "展板知识教育区", "en": "Exhibit boards"},
      "welcome": {"zh": "欢迎", "en": "Welcome"},
      "programme": ["films/loop.mp4", "images/poster.jpg"],
      "sections": [
        {
          "id": "policies",
          "kind": "policies",
          "title": {"zh": "政策法规", "en": "Policies and regulations"},
          "boards": [
            {
              "id": "birth-registration",
              "title": {"zh": "生育登记", "en": "Birth registration"},
              "summary": {"zh": "如何登记", "en": "How to register"},
              "body": {"zh": ["# 小标题", "段落，可含**强调**。"],
                       "en": ["# Heading", "A paragraph with **emphasis**.", "- item", "2. item"]},
              "images": [{"file": "images/birth.png", "caption": {"zh": "登记表", "en": "The form"}}],
              "video": {"file": "films/birth.mp4", "caption": {"zh": "短片", "en": "Film"}},
              "audiences": ["newly-wed", "pregnancy"]
            }
          ]
        },
        {
          "id": "procedures",
          "kind": "procedures",
          "title": {"zh": "办事流程", "en": "Procedures"},
          "boards": [
            {
              "id": "marriage",
              "title": {"zh": "婚姻登记", "en": "Marriage registration"},
              "body": {"zh": ["步骤"], "en": ["Steps"]},
              "steps": [
                {"title": {"zh": "取号", "en": "Take a number"},
                 "detail": {"zh": "在门口", "en": "At the door"},
                 "bring": [{"zh": "身份证", "en": "ID card"}],
                 "where": {"zh": "一楼 3 号窗口", "en": "Ground floor, window 3"}}
              ]
            }
          ]
        }
      ]
    },
    {
      "id": "models",
      "title": {"zh": "模型区", "en": "Models zone"},
      "programme": [],
      "sections": [
        {
          "id": "five-periods",
          "kind": "five-periods",
          "title": {"zh": "五期教育", "en": "Five periods"},
          "boards": [
            {
              "id": "fetal-week-12",
              "title": {"zh": "第 12 周", "en": "Week 12"},
              "body": {"zh": ["胎儿"], "en": ["The fetus"]}
            }
          ]
        }
      ],
      "models": [
        {
          "id": "fetal-development",
          "title": {"zh": "胎儿发育模型", "en": "Fetal model"},
          "picture": "images/model-fetal.png",
          "hotspots": [
            {"label": {"zh": "第 12 周", "en": "Week 12"},
             "x": 0.18, "y": 0.40, "w": 0.14, "h": 0.20,
             "board": "fetal-week-12"}
          ]
        }
      ]
    }
  ]
}
)";

// The media files kValidManifest names, and the generated test media each is copied from.
inline const std::vector<std::pair<std::string, std::string>> kValidMedia = {
    {"films/loop.mp4", "red.mp4"},
    {"images/poster.jpg", "still.jpg"},
    {"images/birth.png", "still.png"},
    {"films/birth.mp4", "video_only.mp4"},
    {"images/model-fetal.png", "still.png"}};

// `text` with `from` replaced by `to`; `from` must occur exactly once.
inline std::string replace_once(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos || text.find(from, at + 1) != std::string::npos) {
        ADD_FAILURE() << "the manifest does not hold \"" << from << "\" exactly once";
        return text;
    }
    return text.replace(at, from.size(), to);
}

// A directory of the test's own, removed with everything in it.
class PackageDirectory {
  public:
    PackageDirectory() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pcw-package-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            ADD_FAILURE() << "cannot make a temporary directory";
        }
        m_path = pattern;
    }
    ~PackageDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    PackageDirectory(const PackageDirectory&) = delete;
    PackageDirectory& operator=(const PackageDirectory&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    void write(const std::filesystem::path& relative, std::string_view text) const {
        const std::filesystem::path file = m_path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
    }
    void write_manifest(std::string_view text) const { write("manifest.json", text); }

    // A generated test medium (tests/media/make_test_media.sh) as `relative`.
    void copy_media(const std::filesystem::path& relative, const std::string& medium) const {
        const std::filesystem::path file = m_path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::filesystem::copy_file(std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / medium, file,
                                   std::filesystem::copy_options::overwrite_existing);
    }

  private:
    std::filesystem::path m_path;
};

// Every problem, one per line, for assertion messages.
inline std::string listed(const std::vector<PackageProblem>& problems) {
    std::ostringstream text;
    for (const PackageProblem& problem : problems) {
        text << "  " << to_string(problem) << '\n';
    }
    return text.str();
}

// Expects exactly one problem at `pointer`, on `line`, whose reason holds `reason`.
inline void expect_problem(const std::vector<PackageProblem>& problems, std::string_view pointer, int line,
                           std::string_view reason) {
    std::vector<const PackageProblem*> at_pointer;
    for (const PackageProblem& problem : problems) {
        if (problem.pointer == pointer) {
            at_pointer.push_back(&problem);
        }
    }
    ASSERT_EQ(at_pointer.size(), 1U) << "problems at " << pointer << " among:\n" << listed(problems);
    EXPECT_EQ(at_pointer.front()->file, "manifest.json");
    EXPECT_EQ(at_pointer.front()->line, line) << to_string(*at_pointer.front());
    EXPECT_NE(at_pointer.front()->reason.find(reason), std::string::npos)
        << "expected \"" << reason << "\" in: " << to_string(*at_pointer.front());
}

}  // namespace content::test
