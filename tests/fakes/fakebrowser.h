#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace encore::test {

// Stands in for the system browser in sign-in tests. Register it with
// QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "handleUrl") (and unset it
// before the browser goes): every URL Encore opens is recorded and, unless told otherwise,
// followed as a browser would, redirects included, so the consent page leads back to Encore's
// loopback receiver.
class FakeBrowser : public QObject {
    Q_OBJECT
public:
    explicit FakeBrowser(QObject *parent = nullptr);

    // Off: only records, as if the user never approved (the sign-in keeps waiting).
    void setFollowsLinks(bool follows) { m_follows = follows; }
    QList<QUrl> openedUrls() const { return m_opened; }
    void clear() { m_opened.clear(); }

public slots:
    void handleUrl(const QUrl &url);

private:
    QNetworkAccessManager m_network;
    QList<QUrl> m_opened;
    bool m_follows = true;
};

}  // namespace encore::test
