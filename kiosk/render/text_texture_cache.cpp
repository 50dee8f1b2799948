#include "text_texture_cache.h"

namespace kiosk::render {

TextTextureCache::TextTextureCache(SDL_Renderer* renderer, const TextEngine& engine, std::size_t budget_bytes)
    : m_renderer(renderer), m_engine(engine), m_budget_bytes(budget_bytes) {}

SDL_Texture* TextTextureCache::get(std::string_view text, const ui::TextStyle& style, SDL_Color colour) {
    if (text.empty()) {
        return nullptr;
    }
    m_key.assign(text);
    m_key.push_back('\0');
    m_key.append(std::to_string(style.size_px));
    m_key.push_back(style.bold ? 'b' : 'r');
    for (const Uint8 channel : {colour.r, colour.g, colour.b, colour.a}) {
        m_key.push_back(static_cast<char>(channel));
    }
    if (const auto found = m_entries.find(m_key); found != m_entries.end()) {
        ++m_hits;
        m_ages.splice(m_ages.begin(), m_ages, found->second.age);
        return found->second.texture.get();
    }
    ++m_misses;
    const SurfacePtr surface = m_engine.render(text, style, colour);
    if (!surface) {
        return nullptr;
    }
    TexturePtr texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
    if (!texture) {
        return nullptr;
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    Entry entry;
    entry.texture = std::move(texture);
    entry.bytes = static_cast<std::size_t>(surface->w) * static_cast<std::size_t>(surface->h) * 4;
    m_ages.push_front(m_key);
    entry.age = m_ages.begin();
    m_bytes_used += entry.bytes;
    SDL_Texture* made = entry.texture.get();
    m_entries.emplace(m_key, std::move(entry));
    evict_beyond_budget(m_ages.front());
    return made;
}

void TextTextureCache::evict_beyond_budget(const std::string& keep) {
    // The newest texture stays even alone over budget: it is about to be drawn.
    while (m_bytes_used > m_budget_bytes && !m_ages.empty() && m_ages.back() != keep) {
        const auto oldest = m_entries.find(m_ages.back());
        m_bytes_used -= oldest->second.bytes;
        m_entries.erase(oldest);
        m_ages.pop_back();
    }
}

void TextTextureCache::clear() {
    m_entries.clear();
    m_ages.clear();
    m_bytes_used = 0;
}

}  // namespace kiosk::render
