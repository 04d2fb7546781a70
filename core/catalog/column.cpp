#include "column.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdint>

namespace encore {

void releaseMappedPages(const void *data, std::size_t bytes)
{
#ifdef Q_OS_UNIX
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (start + page - 1) / page * page;
    const std::uintptr_t last = (start + bytes) / page * page;
    // On a shared read-only file mapping this only unmaps the pages; the file keeps its data.
    if (first < last)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

}  // namespace encore
