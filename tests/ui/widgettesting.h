#pragma once

#include <QObject>
#include <QString>

// Helpers shared by the widget tests.
namespace encore::test {

// The child object called name. A missing one stops the test program: the test's premise, a
// widget with that object name, no longer holds.
template <typename T>
T *child(const QObject &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qFatal("no child %s", qPrintable(name));
    return found;
}

template <typename T>
T *child(const QObject &parent, const char *name)
{
    return child<T>(parent, QString::fromLatin1(name));
}

}  // namespace encore::test
