#pragma once

#include <QFuture>
#include <QMetaObject>
#include <QObject>

#include <utility>

namespace encore {

// Calls `handler` with the future's result in `context`'s thread, always from the event loop:
// QFuture::then() runs its continuation at once when the future has already finished, and a
// handler must never run inside the call that started the work.
template <typename T, typename Handler>
void whenFinished(QFuture<T> future, QObject *context, Handler handler)
{
    future.then(context, [context, handler = std::move(handler)](T result) {
        QMetaObject::invokeMethod(
            context, [handler, result = std::move(result)]() mutable { handler(std::move(result)); },
            Qt::QueuedConnection);
    });
}

}  // namespace encore
