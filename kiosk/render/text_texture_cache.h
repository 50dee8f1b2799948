#pragma once
// Rendered text as textures of one renderer, each made once and reused on
// every later frame, the least recently drawn dropped first when they
// outgrow a budget of pixel memory. Main thread only.

#include <SDL.h>

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sdl_deleters.h"
#include "text_engine.h"

namespace kiosk::render {

class TextTextureCache {
  public:
    // What a full screen of text pages comfortably needs, as 4-byte pixels.
    static constexpr std::size_t kDefaultBudgetBytes = 64u << 20;

    // Textures belong to one renderer: `renderer` and `engine` must outlive
    // the cache (which destroys its textures before the renderer goes).
    TextTextureCache(SDL_Renderer* renderer, const TextEngine& engine,
                     std::size_t budget_bytes = kDefaultBudgetBytes);
    TextTextureCache(const TextTextureCache&) = delete;
    TextTextureCache& operator=(const TextTextureCache&) = delete;

    // `text` in `style` and `colour`, rendered on the first call and the same
    // texture after (its size: SDL_QueryTexture). Null for empty text or when
    // rendering fails. Valid until a later call evicts it: everything one
    // frame draws stays valid while a frame's text fits in the budget.
    SDL_Texture* get(std::string_view text, const ui::TextStyle& style, SDL_Color colour);

    // Drops every texture (say, when the content package changes).
    void clear();

    std::size_t hits() const { return m_hits; }
    std::size_t misses() const { return m_misses; }  // = texts rendered
    std::size_t bytes_used() const { return m_bytes_used; }
    std::size_t textures_kept() const { return m_entries.size(); }

  private:
    struct Entry {
        TexturePtr texture;
        std::size_t bytes = 0;
        std::list<std::string>::iterator age;
    };

    void evict_beyond_budget(const std::string& keep);

    SDL_Renderer* m_renderer;
    const TextEngine& m_engine;
    std::size_t m_budget_bytes;
    std::size_t m_bytes_used = 0;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
    std::unordered_map<std::string, Entry> m_entries;  // by text, style and colour
    std::list<std::string> m_ages;                     // keys, most recently drawn first
    std::string m_key;                                 // reused to look up without allocating
};

}  // namespace kiosk::render
