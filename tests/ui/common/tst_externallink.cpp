#include "common/externallink.h"
#include "fakebrowser.h"
#include "ui/widgettesting.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QWidget>

using namespace encore;
using encore::test::child;
using encore::test::FakeBrowser;

namespace {

const QUrl kLink(QStringLiteral("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"));

}  // namespace

class TestExternalLink : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); }

    void opensWithTheBrowser()
    {
        FakeBrowser browser;
        browser.setFollowsLinks(false);
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "handleUrl");
        QWidget window;
        openExternalLink(&window, kLink);
        QCOMPARE(browser.openedUrls(), QList<QUrl>{kLink});
        QVERIFY(!window.findChild<ExternalLinkDialog *>());
    }

    // Offscreen, with no handler for https, nothing opens the link.
    void offersTheLinkWhenNoBrowserOpens()
    {
        QWidget window;
        window.show();
        openExternalLink(&window, kLink);
        auto *dialog = window.findChild<ExternalLinkDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto *link = child<QLineEdit>(*dialog, "externalLinkEdit");
        QCOMPARE(link->text(), kLink.toString());
        QVERIFY(link->isReadOnly());

        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>(*dialog, "copyExternalLinkButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), kLink.toString());
    }
};

QTEST_MAIN(TestExternalLink)
#include "tst_externallink.moc"
