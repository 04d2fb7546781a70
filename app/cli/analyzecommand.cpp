#include "analyzecommand.h"

#include "analysis/audiodecoder.h"
#include "analysis/featureanalyzer.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace encore::cli {

namespace {

Result<std::vector<float>> decodeFile(const QString &path)
{
    AudioDecoder decoder;
    QEventLoop loop;
    QObject::connect(&decoder, &AudioDecoder::finished, &loop, &QEventLoop::quit);
    decoder.start(path);
    if (!decoder.isFinished())
        loop.exec();
    return decoder.result();
}

// Key and mode as the integers Spotify uses; the rest rounded to what the estimates can tell.
QJsonValue jsonValue(Feature feature, float value)
{
    if (!std::isfinite(value))
        return QJsonValue();
    if (feature == Feature::Key || feature == Feature::Mode)
        return int(std::lround(value));
    return std::round(double(value) * 1000.0) / 1000.0;
}

QByteArray featuresJson(const AudioFeatures &features)
{
    QJsonObject object;
    for (Feature feature : kAllFeatures)
        object.insert(featureKey(feature), jsonValue(feature, features.value(feature)));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString featuresText(const AnalysisResult &analysis)
{
    QString text;
    for (Feature feature : kAllFeatures) {
        const float value = analysis.features.value(feature);
        text += featureLabel(feature).leftJustified(18) + formatFeatureValue(feature, value);
        const bool known = std::isfinite(value);
        if (feature == Feature::Tempo && known)
            text += QStringLiteral("  (confidence %1)").arg(analysis.tempoConfidence, 0, 'f', 2);
        if (feature == Feature::Key && known)
            text += QStringLiteral("  (confidence %1)").arg(analysis.keyConfidence, 0, 'f', 2);
        text += u'\n';
    }
    return text;
}

}  // namespace

int runAnalyze(const QStringList &arguments, Streams io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Estimate the audio features of a local audio file (WAV, MP3 or any format the system\n"
                       "can decode) on this computer."));
    parser.addPositionalArgument(QStringLiteral("AUDIO_FILE"), QStringLiteral("The audio file."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print a JSON object keyed by the feature names."));
    parser.addOption(jsonOption);
    if (const auto exit = parseOrExit(parser, arguments, io))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        io.err << "Name one audio file to analyse.\n";
        return ExitFailure;
    }

    const Result<std::vector<float>> samples = decodeFile(files.constFirst());
    if (!samples) {
        io.err << samples.error().message << '\n';
        return ExitFailure;
    }
    const Result<AnalysisResult> analysis = analyzeSamples(*samples, AudioDecoder::kSampleRate);
    if (!analysis) {
        io.err << analysis.error().message << '\n';
        return ExitFailure;
    }

    if (parser.isSet(jsonOption))
        io.out << featuresJson(analysis->features);
    else
        io.out << featuresText(*analysis);
    return ExitOk;
}

}  // namespace encore::cli
