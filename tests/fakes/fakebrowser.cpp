#include "fakebrowser.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace encore::test {

FakeBrowser::FakeBrowser(QObject *parent) : QObject(parent) {}

void FakeBrowser::handleUrl(const QUrl &url)
{
    m_opened << url;
    if (!m_follows)
        return;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

}  // namespace encore::test
