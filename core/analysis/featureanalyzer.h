#pragma once

#include "model/audiofeatures.h"
#include "util/result.h"

#include <span>

namespace encore {

// What on-device analysis of a recording found. The features carry source Analysis; one it cannot
// estimate from this audio stays missing (NaN), never a made-up value.
struct AnalysisResult {
    AudioFeatures features;
    float tempoConfidence = 0.0f;  // 0..1: how clearly one beat period stands out
    float keyConfidence = 0.0f;    // 0..1: how much the best key profile beats the runner-up
};

// Computes the eleven features of mono samples (at least a few seconds of them) with Eigen.
// Pure and thread-safe: run it in a worker. See the README for how each one is computed and how
// far it can be trusted.
Result<AnalysisResult> analyzeSamples(std::span<const float> mono, int sampleRate);

}  // namespace encore
