#pragma once
// Random and mutated inputs for the readers of outside input: every reader
// test feeds its parser a few thousand of these, seeded so a failure
// repeats, and asserts that each one is answered (accepted or refused) in
// bounded time without a crash. The long, coverage-guided fuzzing runs
// outside CI; this is the quick net that CI casts on every change.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

// The most one hostile input may take to be answered. A linear reader takes
// well under a second even at its size limit; the quadratic and unbounded
// cases this guards against took from fifteen seconds to minutes. Sanitized
// builds run our code several times slower and get room for it.
inline constexpr std::chrono::seconds kMostPerHostileInput{KIOSK_SANITIZED_BUILD ? 10 : 2};

// Pieces that have broken parsers before: deep nesting, numbers past every
// integer type, not-a-number, control characters, broken UTF-8, escapes.
inline const std::vector<std::string>& hostile_tokens() {
    static const std::vector<std::string> tokens{"{",
                                                 "}",
                                                 "[",
                                                 "]",
                                                 "\"",
                                                 "'",
                                                 ",",
                                                 ":",
                                                 "=",
                                                 "\n",
                                                 "#",
                                                 "\\",
                                                 "\\u0000",
                                                 "\\ud800",
                                                 "nan",
                                                 "-nan",
                                                 "inf",
                                                 "1e999",
                                                 "-0",
                                                 "18446744073709551616",
                                                 "-9223372036854775809",
                                                 "0x7fffffff",
                                                 "1.5",
                                                 "true",
                                                 "null",
                                                 "\"\"\"",
                                                 "'''",
                                                 "[[",
                                                 "]]",
                                                 ".",
                                                 std::string("\0", 1),
                                                 "\xff\xfe",
                                                 "\xc3",
                                                 "\xe4\xb8",
                                                 "\t",
                                                 "\r\n",
                                                 "a.b.c.d.e",
                                                 std::string(64, '['),
                                                 std::string(64, '{'),
                                                 std::string(300, 'x')};
    return tokens;
}

// Deterministic mutations of a valid seed text.
class Mutator {
  public:
    explicit Mutator(std::uint32_t seed) : m_random(seed) {}

    std::string mutate(std::string text) {
        const int steps = 1 + static_cast<int>(below(4));
        for (int step = 0; step < steps; ++step) {
            mutate_once(text);
        }
        return text;
    }

    // Bytes of no structure at all.
    std::string noise(std::size_t most) {
        std::string text(below(most + 1), '\0');
        for (char& c : text) {
            c = static_cast<char>(below(256));
        }
        return text;
    }

    std::size_t below(std::size_t bound) {
        return bound == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, bound - 1)(m_random);
    }

  private:
    void mutate_once(std::string& text) {
        const std::size_t at = below(text.size() + 1);
        switch (below(8)) {
            case 0:  // flip a byte
                if (!text.empty()) {
                    text[std::min(at, text.size() - 1)] ^= static_cast<char>(1 + below(255));
                }
                break;
            case 1:  // a hostile token
                text.insert(at, hostile_tokens()[below(hostile_tokens().size())]);
                break;
            case 2: {  // cut a range out
                const std::size_t length =
                    below(std::min<std::size_t>(text.size() - std::min(at, text.size()), 64) + 1);
                text.erase(std::min(at, text.size()), length);
                break;
            }
            case 3:  // cut the text short, as a copy interrupted
                text.resize(at);
                break;
            case 4: {  // repeat a range: duplicated keys, runaway lists
                const std::size_t start = below(text.size() + 1);
                const std::size_t length = below(std::min<std::size_t>(text.size() - start, 200) + 1);
                const std::string piece = text.substr(start, length);
                for (std::size_t times = 1 + below(3); times > 0; --times) {
                    text.insert(at, piece);
                }
                break;
            }
            case 5:  // a very long run of one character
                text.insert(at, std::string(1 + below(5000), static_cast<char>(below(2) == 0 ? 'x' : '[')));
                break;
            case 6:  // deep nesting far past any limit
                text.insert(at, std::string(1000 + below(20000), below(2) == 0 ? '[' : '{'));
                break;
            default:  // a random byte
                text.insert(at, 1, static_cast<char>(below(256)));
                break;
        }
    }

    std::mt19937 m_random;
};

// How long one input took to be answered, for the bound each test asserts.
template <typename Read>
std::chrono::duration<double> time_to_answer(Read&& read) {
    const auto start = std::chrono::steady_clock::now();
    read();
    return std::chrono::steady_clock::now() - start;
}

}  // namespace kiosk::test
